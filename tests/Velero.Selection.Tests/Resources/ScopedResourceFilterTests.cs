using Velero.Selection.Namespaces;
using Velero.Selection.Resources;
using Velero.Selection.Tests.Support;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Resources;

/// <summary>The new filters, <c>ScopeIncludesExcludes</c> in <c>pkg/util/collections/includes_excludes.go</c>.</summary>
public sealed class ScopedResourceFilterTests
{
    private static readonly string[] Cluster = ["default", "shop", "kube-system"];

    private static ScopedResourceFilter Filter(
        string? nsIncludes, string? nsExcludes, string? clusterIncludes, string? clusterExcludes,
        string? namespaces = null, IncludeExcludePolicy? policy = null) =>
        new(BuiltInDiscovery.Model(), List(nsIncludes), List(nsExcludes), List(clusterIncludes), List(clusterExcludes),
            NamespaceFilter.Create(List(namespaces ?? "*"), null, Cluster), policy);

    [Theory]
    // No lists, all namespaces: a full backup, every cluster-scoped type.
    [InlineData(null, null, null, null, null, "storageclasses.storage.k8s.io", true)]
    [InlineData(null, null, null, null, null, "pods", true)]
    // Namespaced backup: only listed cluster-scoped types plus namespaces.
    [InlineData(null, null, null, null, "shop", "storageclasses.storage.k8s.io", false)]
    [InlineData(null, null, null, null, "shop", "namespaces", true)]
    [InlineData(null, null, "sc", null, "shop", "storageclasses.storage.k8s.io", true)]
    [InlineData(null, null, "*", null, "shop", "clusterroles.rbac.authorization.k8s.io", true)]
    // A namespace-scoped restriction also ends the "full backup" case.
    [InlineData("pods", null, null, null, null, "storageclasses.storage.k8s.io", false)]
    [InlineData("pods", null, null, null, null, "secrets", false)]
    [InlineData("pods", null, null, null, null, "pods", true)]
    // Excluding one cluster-scoped type ends it too: upstream requires both cluster lists to be empty.
    [InlineData(null, null, null, "clusterroles", null, "storageclasses.storage.k8s.io", false)]
    [InlineData(null, null, null, "clusterroles", null, "namespaces", true)]
    [InlineData(null, null, null, "*", null, "namespaces", false)]
    [InlineData(null, "*", null, null, null, "pods", false)]
    [InlineData(null, "secrets", null, null, null, "secrets", false)]
    [InlineData(null, "secrets", null, null, null, "configmaps", true)]
    // The auto-excluded VolumeSnapshotContent stored in the spec counts as an exclude (mirrored as upstream stores it).
    [InlineData(null, null, null, AutoExcludedResources.VolumeSnapshotContents, null, "customresourcedefinitions.apiextensions.k8s.io", false)]
    [InlineData(null, null, null, AutoExcludedResources.VolumeSnapshotContents, null, AutoExcludedResources.VolumeSnapshotContents, false)]
    [InlineData(null, AutoExcludedResources.VolumeSnapshots, null, null, null, AutoExcludedResources.VolumeSnapshots, false)]
    public void ShouldInclude(
        string? nsIncludes, string? nsExcludes, string? clusterIncludes, string? clusterExcludes, string? namespaces,
        string type, bool expected) =>
        Assert.Equal(expected, Filter(nsIncludes, nsExcludes, clusterIncludes, clusterExcludes, namespaces).ShouldInclude(type));

    [Fact]
    public void Names_of_the_wrong_scope_are_dropped()
    {
        // scopeResourceMapFunc returns "" for a cluster-scoped name in a namespace-scoped list and vice versa.
        var filter = Filter("pods,storageclasses", null, "pods,clusterroles", null);
        Assert.Equal(["pods"], filter.NamespaceScoped.Includes.Items);
        Assert.Equal(["clusterroles.rbac.authorization.k8s.io"], filter.ClusterScoped.Includes.Items);
    }

    [Theory]
    [InlineData(null, "secrets", "secrets", true)]
    [InlineData(null, null, "secrets", false)]
    [InlineData("sc", null, "storageclasses.storage.k8s.io", true)]
    [InlineData(null, null, "persistentvolumes", false)] // additional PVs pass unless excluded by name
    [InlineData(null, null, "widgets.example.com", true)]
    public void ShouldExclude_only_by_name(string? clusterExcludes, string? nsExcludes, string type, bool expected) =>
        Assert.Equal(expected, Filter(null, nsExcludes, null, clusterExcludes, "shop").ShouldExclude(type));

    [Fact]
    public void Policy_adds_only_what_the_spec_does_not_decide()
    {
        var policy = new IncludeExcludePolicy(
            IncludedClusterScopedResources: ["storageclasses", "clusterroles"],
            ExcludedClusterScopedResources: ["clusterrolebindings"],
            IncludedNamespaceScopedResources: ["configmaps", "secrets"],
            ExcludedNamespaceScopedResources: ["secrets", "events"]);
        var filter = Filter("secrets", null, null, "clusterroles", "shop", policy);

        // The spec includes secrets, so the policy's exclude of secrets is ignored; configmaps are added.
        Assert.Equal(["configmaps", "secrets"], filter.NamespaceScoped.Includes.Items);
        Assert.Equal(["events"], filter.NamespaceScoped.Excludes.Items);
        Assert.Equal(["storageclasses.storage.k8s.io"], filter.ClusterScoped.Includes.Items);
        Assert.Equal(
            ["clusterrolebindings.rbac.authorization.k8s.io", "clusterroles.rbac.authorization.k8s.io"],
            filter.ClusterScoped.Excludes.Items);
    }
}
