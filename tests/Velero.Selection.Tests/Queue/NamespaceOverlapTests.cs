using Velero.Selection.Queue;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Queue;

/// <summary>The 1.18 queue's conflict rule (<c>detectNSConflictsInternal</c> in <c>backup_queue_controller.go</c>).</summary>
public sealed class NamespaceOverlapTests
{
    private static readonly string[] Cluster = ["app-a", "app-b", "db", "default", "kube-system"];

    [Theory]
    [InlineData("app-a", null, "app-b", null, false)]
    [InlineData("app-a", null, "app-a", null, true)]
    [InlineData("app-*", null, "app-b", null, true)]
    [InlineData("app-*", "app-b", "app-b", null, false)]
    [InlineData(null, null, "db", null, true)] // all namespaces overlaps everything
    [InlineData("*", "db", "db", null, false)]
    [InlineData("missing", null, "missing", null, false)] // absent namespaces resolve to nothing, as upstream
    [InlineData("nomatch-*", null, "*", null, false)]
    // Undecidable (invalid pattern): upstream says "no conflict"; here it is treated as overlapping, to stay safe.
    [InlineData("app-**", null, "db", null, true)]
    [InlineData("db", null, "x[", null, true)]
    public void CanOverlap(string? aIncludes, string? aExcludes, string? bIncludes, string? bExcludes, bool expected)
    {
        Assert.Equal(expected, NamespaceOverlap.CanOverlap(NamespaceSpec(aIncludes, aExcludes), NamespaceSpec(bIncludes, bExcludes), Cluster));
        Assert.Equal(expected, NamespaceOverlap.CanOverlap(NamespaceSpec(bIncludes, bExcludes), NamespaceSpec(aIncludes, aExcludes), Cluster));
    }

    [Fact]
    public void Resolves_the_covered_namespaces()
    {
        Assert.Equal(["app-a", "app-b"], NamespaceOverlap.NamespacesOf(NamespaceSpec("app-?"), Cluster)!.Order());
        Assert.Null(NamespaceOverlap.NamespacesOf(NamespaceSpec("{a,b}"), Cluster));
    }
}
