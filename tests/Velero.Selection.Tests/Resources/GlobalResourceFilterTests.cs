using Velero.Selection.Namespaces;
using Velero.Selection.Resources;
using Velero.Selection.Tests.Support;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Resources;

/// <summary>The old filters, <c>GlobalIncludesExcludes</c> in <c>pkg/util/collections/includes_excludes.go</c>.</summary>
public sealed class GlobalResourceFilterTests
{
    private static readonly string[] Cluster = ["default", "shop", "kube-system"];

    [Theory]
    // Full-cluster backup, includeClusterResources auto: everything.
    [InlineData(null, null, null, null, "pods", true)]
    [InlineData(null, null, null, null, "storageclasses.storage.k8s.io", true)]
    [InlineData(null, null, null, null, "namespaces", true)]
    // Namespaced backup, auto: cluster-scoped types only as related items; namespaces always listed.
    [InlineData("shop", null, null, null, "pods", true)]
    [InlineData("shop", null, null, null, "storageclasses.storage.k8s.io", false)]
    [InlineData("shop", null, null, null, "persistentvolumes", false)]
    [InlineData("shop", null, null, null, "namespaces", true)]
    // Any namespace exclude (spec 4.2) turns off the "all namespaces" case.
    [InlineData(null, "kube-system", null, null, "clusterroles.rbac.authorization.k8s.io", false)]
    // includeClusterResources true brings them back; false drops all of them, namespaces included.
    [InlineData("shop", null, true, null, "storageclasses.storage.k8s.io", true)]
    [InlineData(null, null, false, null, "storageclasses.storage.k8s.io", false)]
    [InlineData(null, null, false, null, "namespaces", false)]
    [InlineData(null, null, false, null, "pods", true)]
    // includedResources restricts, by any name form.
    [InlineData(null, null, null, "deploy", "deployments.apps", true)]
    [InlineData(null, null, null, "deploy", "pods", false)]
    [InlineData(null, null, null, "*", "pods", true)]
    // Unknown types are never listed.
    [InlineData(null, null, null, null, "widgets.example.com", false)]
    public void ShouldInclude(
        string? includedNs, string? excludedNs, bool? includeCluster, string? includedResources, string type, bool expected)
    {
        var filter = new GlobalResourceFilter(
            BuiltInDiscovery.Model(), List(includedResources), null, includeCluster,
            NamespaceFilter.Create(List(includedNs ?? "*"), List(excludedNs), Cluster));
        Assert.Equal(expected, filter.ShouldInclude(type));
    }

    [Theory]
    [InlineData(null, "secrets", "secrets", true)]
    [InlineData(null, "sc", "storageclasses.storage.k8s.io", true)]
    [InlineData(null, null, "persistentvolumes", false)] // auto, resource filter includes everything
    [InlineData("pods", null, "persistentvolumes", true)] // auto and not in includedResources
    [InlineData(null, null, "widgets.example.com", true)]
    [InlineData(null, null, "pods", false)]
    public void ShouldExclude_decides_cluster_scoped_additional_items(
        string? includedResources, string? excludedResources, string type, bool expected)
    {
        var filter = new GlobalResourceFilter(
            BuiltInDiscovery.Model(), List(includedResources), List(excludedResources), null,
            NamespaceFilter.Create(["shop"], null, Cluster));
        Assert.Equal(expected, filter.ShouldExclude(type));
    }

    [Fact]
    public void IncludeClusterResources_false_excludes_every_cluster_scoped_additional_item()
    {
        var filter = new GlobalResourceFilter(BuiltInDiscovery.Model(), null, null, false, NamespaceFilter.Create(["shop"], null, Cluster));
        Assert.True(filter.ShouldExclude("persistentvolumes"));
    }

    [Fact]
    public void Excluded_star_is_ignored_and_names_are_canonical()
    {
        var filter = new GlobalResourceFilter(BuiltInDiscovery.Model(), ["deploy", "*"], ["*", "po"], null, NamespaceFilter.Create(null, null, Cluster));
        Assert.Equal(["*", "deployments.apps"], filter.ResourceFilter.Includes.Items);
        Assert.Equal(["pods"], filter.ResourceFilter.Excludes.Items);
    }
}
