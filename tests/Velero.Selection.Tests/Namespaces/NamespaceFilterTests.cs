using Velero.Selection.Namespaces;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Namespaces;

public sealed class NamespaceFilterTests
{
    private static readonly string[] Cluster = ["app-a", "app-b", "default", "kube-public", "kube-system", "shop", "velero"];

    [Theory]
    // No patterns: nothing to expand; empty includes mean everything.
    [InlineData(null, null, false, "app-a,app-b,default,kube-public,kube-system,shop,velero")]
    [InlineData("shop,missing", null, false, "shop")]
    [InlineData("*", null, true, "app-a,app-b,default,kube-public,kube-system,shop,velero")]
    [InlineData("app-*", null, true, "app-a,app-b")]
    [InlineData("app-?", null, true, "app-a,app-b")]
    [InlineData("app-[a]", null, true, "app-a")]
    [InlineData("*", "kube-*", true, "app-a,app-b,default,shop,velero")]
    [InlineData("*", "velero", true, "app-a,app-b,default,kube-public,kube-system,shop")]
    [InlineData("app-*,shop", "app-b", true, "app-a,shop")]
    // A pattern that matches nothing selects nothing (not "everything"), upstream's wildcardExpanded special case.
    [InlineData("nomatch-*", null, true, "")]
    // Empty includes with wildcard excludes: no expansion (includes empty), so the excludes still apply as globs.
    [InlineData(null, "kube-*", false, "app-a,app-b,default,shop,velero")]
    public void Resolves_patterns_against_the_cluster(string? includes, string? excludes, bool expanded, string expected)
    {
        var filter = NamespaceFilter.Create(List(includes), List(excludes), Cluster);
        Assert.Equal(expanded, filter.IsWildcardExpanded);
        Assert.Equal(List(expected), filter.ResolveNamespaceList());
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("*", null, true)] // expands to exactly the cluster's namespaces (1.18.1 slices.Equal rule)
    [InlineData("*", "kube-*", false)]
    [InlineData("app-*", null, false)]
    [InlineData("shop", null, false)]
    [InlineData(null, "velero", false)] // spec 4.2: one exclude, e.g. an exclude-from-backup label, is enough
    [InlineData("app-a,app-b,default,kube-public,kube-system,shop,velero", null, true)]
    public void IncludeEverything_gates_cluster_scoped_types(string? includes, string? excludes, bool expected) =>
        Assert.Equal(expected, NamespaceFilter.Create(List(includes), List(excludes), Cluster).IncludeEverything());

    [Theory]
    [InlineData("*", "app-a,app-b,default,kube-public,kube-system,shop,velero")]
    [InlineData("shop,missing", "missing,shop")] // listed even if absent: the LIST simply returns nothing
    [InlineData("app-*", "app-a,app-b")]
    [InlineData("nomatch-*", "")]
    public void Namespaces_to_list_come_from_the_includes(string includes, string expected) =>
        Assert.Equal(List(expected), NamespaceFilter.Create(List(includes), null, Cluster).NamespacesToList());

    [Fact]
    public void Expansion_against_an_empty_cluster_selects_nothing() =>
        Assert.Empty(NamespaceFilter.Create(["*"], null, []).NamespacesToList());

    [Theory]
    [InlineData("app-{a,b}*", "wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,")]
    [InlineData("app-**", "wildcard pattern contains consecutive asterisks (only single * allowed)")]
    [InlineData("app-[", "wildcard pattern contains unclosed bracket '['")]
    public void Invalid_patterns_throw_with_upstream_messages(string pattern, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => NamespaceFilter.Create([pattern], null, Cluster));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
