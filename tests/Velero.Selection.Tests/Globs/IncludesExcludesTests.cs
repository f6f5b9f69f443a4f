using Velero.Selection.Globs;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Globs;

public sealed class IncludesExcludesTests
{
    [Theory]
    [InlineData(null, null, "foo", true)]
    [InlineData("*", null, "foo", true)]
    [InlineData("foo,bar", null, "foo", true)]
    [InlineData("foo,bar", null, "baz", false)]
    [InlineData(null, "foo", "foo", false)]
    [InlineData("*", "foo", "foo", false)]
    [InlineData("foo", "foo", "foo", false)] // excludes win
    [InlineData("app-*", null, "app-1", true)]
    [InlineData("app-*", "app-2", "app-2", false)]
    [InlineData(null, "kube-*", "kube-system", false)]
    [InlineData(null, "kube-*", "default", true)]
    public void ShouldInclude(string? includes, string? excludes, string value, bool expected) =>
        Assert.Equal(expected, new IncludesExcludes(List(includes), List(excludes)).ShouldInclude(value));

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("*", null, true)]
    [InlineData("*,*", null, true)]
    [InlineData("foo", null, false)]
    [InlineData("*,foo", null, false)]
    [InlineData(null, "foo", false)]
    [InlineData("*", "foo", false)]
    public void IncludeEverything_needs_no_excludes_and_no_named_includes(string? includes, string? excludes, bool expected) =>
        Assert.Equal(expected, new IncludesExcludes(List(includes), List(excludes)).IncludeEverything());

    [Fact]
    public void Strings_render_like_upstream_logs()
    {
        Assert.Equal("*", new IncludesExcludes().IncludesString());
        Assert.Equal("<none>", new IncludesExcludes().ExcludesString());
        Assert.Equal("a, b", new IncludesExcludes(["b", "a", "b"]).IncludesString());
    }
}
