using Velero.Selection.Globs;

namespace Velero.Selection.Tests.Globs;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("*", "", true)]
    [InlineData("app-*", "app-frontend", true)]
    [InlineData("app-*", "app-", true)]
    [InlineData("app-*", "my-app-frontend", false)]
    [InlineData("*-prod", "shop-prod", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("ns?", "ns1", true)]
    [InlineData("ns?", "ns", false)]
    [InlineData("ns?", "ns12", false)]
    [InlineData("ns[123]", "ns2", true)]
    [InlineData("ns[123]", "ns4", false)]
    [InlineData("ns[a-c]", "nsb", true)]
    [InlineData("ns[a-c]", "nsd", false)]
    [InlineData("ns[!a-c]", "nsd", true)]
    [InlineData("ns[!a-c]", "nsa", false)]
    [InlineData("{dev,prod}-db", "prod-db", true)]
    [InlineData("{dev,prod}-db", "test-db", false)]
    [InlineData("{dev,{qa,uat}}-db", "uat-db", true)]
    [InlineData("deployments.apps", "deployments.apps", true)]
    [InlineData("deployments.apps", "deploymentsxapps", false)]
    [InlineData("kube-system", "kube-system", true)]
    [InlineData("kube-system", "kube-systemx", false)]
    public void Matches_like_gobwas_glob(string pattern, string value, bool expected) =>
        Assert.Equal(expected, GlobPattern.Matches(pattern, value));

    [Theory]
    [InlineData("ns[abc")]
    [InlineData("ns[]")]
    [InlineData("{a,b")]
    [InlineData("trailing\\")]
    public void Malformed_patterns_do_not_compile(string pattern) =>
        Assert.False(GlobPattern.TryCompile(pattern, out _));

    [Fact]
    public void A_set_with_a_malformed_pattern_matches_nothing_after_it_like_upstream()
    {
        // globStringSet.match returns false at the first pattern that fails to compile, in sorted order.
        var set = new GlobSet(["[bad", "zeta"]);
        Assert.False(set.Match("zeta"));
        Assert.True(new GlobSet(["alpha", "[bad"]).Match("alpha") is false);
        Assert.True(new GlobSet(["a*", "[bad"]).Match("abc") is false);
        Assert.True(new GlobSet(["zz", "a*"]).Match("abc"));
    }
}
