using Velero.Api.V1;
using Velero.Selection.Items;
using Velero.Selection.Namespaces;
using Velero.Selection.Ordering;
using Velero.Selection.Resources;
using static Velero.Selection.Tests.Support.BuiltInDiscovery;

namespace Velero.Selection.Tests.Ordering;

public sealed class CollectionOrderTests
{
    private static readonly ClusterNamespace[] Cluster = [new("default"), new("shop")];

    private static readonly DiscoveryModel Legacy = new(
    [
        R("", "v1", "configmaps", "ConfigMap", true),
        R("", "v1", "events", "Event", true),
        R("", "v1", "namespaces", "Namespace", false),
        R("", "v1", "persistentvolumes", "PersistentVolume", false),
        R("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true),
        R("", "v1", "pods", "Pod", true),
        R("extensions", "v1beta1", "deployments", "Deployment", true),
        R("extensions", "v1beta1", "networkpolicies", "NetworkPolicy", true),
        R("extensions", "v1beta1", "ingresses", "Ingress", true),
        R("apps", "v1", "deployments", "Deployment", true),
        R("apps", "v1", "daemonsets", "DaemonSet", true),
        R("events.k8s.io", "v1", "events", "Event", true),
        R("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true),
        R("batch", "v1", "jobs", "Job", true),
    ]);

    private static IReadOnlyList<string> Plan(DiscoveryModel discovery, BackupSpec spec) =>
        [.. CollectionOrder.Plan(discovery, BackupSelection.Create(spec, discovery, Cluster)).Select(r => r.GroupResource)];

    [Fact]
    public void Core_group_first_with_pods_pvcs_pvs_then_groups_in_order_and_extensions_last_with_cohabitants_once() =>
        Assert.Equal(
            [
                "pods", "persistentvolumeclaims", "persistentvolumes", "configmaps", "events", "namespaces",
                "deployments.apps", "daemonsets.apps", "networkpolicies.networking.k8s.io", "jobs.batch",
                "ingresses.extensions",
            ],
            Plan(Legacy, new BackupSpec()));

    [Fact]
    public void A_cohabitant_excluded_in_one_group_is_collected_from_the_other()
    {
        // The seen flag is set only after the type passes the filter (getResourceItems), so excluding events.events.k8s.io
        // does not stop core events, and excluding core events lets events.k8s.io through.
        var plan = Plan(Legacy, new BackupSpec { ExcludedNamespaceScopedResources = ["events"] });
        Assert.DoesNotContain("events", plan);
        Assert.Contains("events.events.k8s.io", plan);
    }

    [Fact]
    public void Excluded_and_cluster_scoped_types_of_a_namespaced_backup_are_not_planned()
    {
        var plan = Plan(Legacy, new BackupSpec { IncludedNamespaces = ["shop"], ExcludedNamespaceScopedResources = ["configmaps"] });
        Assert.Equal(
            [
                "pods", "persistentvolumeclaims", "events", "namespaces", "deployments.apps", "daemonsets.apps",
                "networkpolicies.networking.k8s.io", "jobs.batch", "ingresses.extensions",
            ],
            plan);
    }

    [Fact]
    public void Groups_sort_only_the_core_group()
    {
        var groups = CollectionOrder.Groups(Legacy);
        Assert.Equal(["", "apps", "events.k8s.io", "networking.k8s.io", "batch", "extensions"], groups.Select(g => g[0].Group));
        Assert.Equal(["deployments", "networkpolicies", "ingresses"], groups[^1].Select(r => r.Resource));
    }
}
