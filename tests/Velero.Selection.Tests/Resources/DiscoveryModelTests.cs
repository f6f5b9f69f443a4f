using Velero.Selection.Tests.Support;

namespace Velero.Selection.Tests.Resources;

public sealed class DiscoveryModelTests
{
    private readonly Velero.Selection.Resources.DiscoveryModel _discovery = BuiltInDiscovery.Model();

    [Theory]
    [InlineData("pods", "pods")]
    [InlineData("pod", "pods")]
    [InlineData("Pod", "pods")] // kind, case-insensitive (the REST mapper lower-cases)
    [InlineData("po", "pods")]
    [InlineData("deployments", "deployments.apps")]
    [InlineData("deploy", "deployments.apps")]
    [InlineData("Deployment", "deployments.apps")]
    [InlineData("deployments.apps", "deployments.apps")]
    [InlineData("deploy.apps", "deployments.apps")]
    [InlineData("sc", "storageclasses.storage.k8s.io")]
    [InlineData("storageclasses.storage.k8s.io", "storageclasses.storage.k8s.io")]
    [InlineData("crd", "customresourcedefinitions.apiextensions.k8s.io")]
    [InlineData("pvc", "persistentvolumeclaims")]
    [InlineData("events", "events")] // core wins over events.k8s.io: it comes first in discovery
    [InlineData("events.events.k8s.io", "events.events.k8s.io")]
    [InlineData("hpa", "horizontalpodautoscalers.autoscaling")]
    [InlineData("bsl", "backupstoragelocations.velero.io")]
    [InlineData("vs", "volumesnapshots.snapshot.storage.k8s.io")]
    public void Resolves_user_names_to_group_resources(string name, string expected) =>
        Assert.Equal(expected, _discovery.ResourceFor(name)?.GroupResource);

    [Theory]
    [InlineData("widgets")]
    [InlineData("deployments.extensions")] // no such group served here
    [InlineData("bindings")] // create-only: filtered out like upstream's helper
    [InlineData("componentstatuses")] // get/list only
    public void Unknown_or_filtered_names_do_not_resolve(string name) => Assert.Null(_discovery.ResourceFor(name));

    [Fact]
    public void Canonical_keeps_unknown_names_as_given() => Assert.Equal("widgets.example.com", _discovery.Canonical("widgets.example.com"));

    [Fact]
    public void Only_preferred_versions_are_kept() =>
        Assert.Equal("v2", Assert.Single(_discovery.Resources, r => r.Resource == "horizontalpodautoscalers").Version);

    [Fact]
    public void Extensions_group_moves_last_and_other_groups_keep_discovery_order()
    {
        var discovery = new Velero.Selection.Resources.DiscoveryModel(
        [
            BuiltInDiscovery.R("", "v1", "pods", "Pod", true),
            BuiltInDiscovery.R("extensions", "v1beta1", "deployments", "Deployment", true),
            BuiltInDiscovery.R("apps", "v1", "deployments", "Deployment", true),
            BuiltInDiscovery.R("batch", "v1", "jobs", "Job", true),
            BuiltInDiscovery.R("extensions", "v1beta1", "networkpolicies", "NetworkPolicy", true),
        ]);
        Assert.Equal(
            ["pods", "deployments.apps", "jobs.batch", "deployments.extensions", "networkpolicies.extensions"],
            discovery.Resources.Select(r => r.GroupResource));
    }
}
