using System.Text.Json.Nodes;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.RoundTrip;

/// <summary>
/// The order a restore creates things in (spec 5.2), read from the target's one cluster-wide resourceVersion: CRDs
/// first and Established before their custom resources, then upstream's priority list, then the other types
/// alphabetically; completed pods and jobs are not restored.
/// </summary>
public sealed class RestoreOrderTests
{
    private static readonly string[] ExpectedOrder =
    [
        "customresourcedefinitions.apiextensions.k8s.io", "namespaces", "storageclasses.storage.k8s.io", "persistentvolumes",
        "persistentvolumeclaims", "clusterroles.rbac.authorization.k8s.io", "roles.rbac.authorization.k8s.io", "serviceaccounts",
        "clusterrolebindings.rbac.authorization.k8s.io", "rolebindings.rbac.authorization.k8s.io", "secrets", "configmaps", "limitranges",
        "priorityclasses.scheduling.k8s.io", "pods", "replicasets.apps", "endpoints", "services",
        // The rest alphabetically by group-resource.
        "crontabs.stable.example.com", "deployments.apps",
    ];

    [Fact]
    public async Task Restore_creates_types_in_upstream_priority_order_with_crds_established_before_their_resources()
    {
        await using var clusters = await RoundTripClusters.StartAsync();
        await SampleCluster.SeedAsync(clusters.Source, clusters.SourceClient);
        var roundTrip = await clusters.RunAsync("order");

        roundTrip.AssertCompleted();
        roundTrip.AssertRestored();

        var created = roundTrip.After.Objects
            .Where(p => roundTrip.Before[p.Key] is null && p.Key.Name is not ("default" or "kube-root-ca.crt"))
            .GroupBy(p => p.Key.GroupResource)
            .ToDictionary(g => g.Key, g => (Min: g.Min(p => ClusterSnapshot.ResourceVersion(p.Value)), Max: g.Max(p => ClusterSnapshot.ResourceVersion(p.Value))));
        Assert.Equal(ExpectedOrder.Order(StringComparer.Ordinal), created.Keys.Order(StringComparer.Ordinal));
        for (var i = 0; i + 1 < ExpectedOrder.Length; i++)
        {
            var (earlier, later) = (ExpectedOrder[i], ExpectedOrder[i + 1]);
            Assert.True(created[earlier].Max < created[later].Min,
                $"{earlier} (resourceVersions {created[earlier]}) should all be created before {later} ({created[later]})");
        }

        var crd = roundTrip.After[new ObjectKey("customresourcedefinitions.apiextensions.k8s.io", null, "crontabs.stable.example.com")]!;
        Assert.Contains((crd["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>(),
            c => (string?)c["type"] == "Established" && (string?)c["status"] == "True");
        Assert.Equal("0 3 * * *", (string?)roundTrip.After[new ObjectKey("crontabs.stable.example.com", "blog", "nightly")]!["spec"]!["cronSpec"]);
    }

    [Fact]
    public async Task Completed_pods_and_jobs_are_not_restored_while_running_ones_are()
    {
        await using var clusters = await RoundTripClusters.StartAsync();
        await SampleCluster.SeedAsync(clusters.Source, clusters.SourceClient);
        var roundTrip = await clusters.RunAsync("completed");

        roundTrip.AssertCompleted();
        Assert.NotNull(roundTrip.Original[new ObjectKey("pods", "shop", "migrate")]);
        Assert.NotNull(roundTrip.Original[new ObjectKey("jobs.batch", "shop", "report")]);
        Assert.Null(roundTrip.After[new ObjectKey("pods", "shop", "migrate")]);
        Assert.Null(roundTrip.After[new ObjectKey("jobs.batch", "shop", "report")]);
        Assert.NotNull(roundTrip.After[new ObjectKey("pods", "shop", "worker")]);
        Assert.Contains("shop/worker(created)", roundTrip.Files.Entries("v1/Pod"));
        Assert.DoesNotContain(roundTrip.Files.Entries("v1/Pod"), e => e.StartsWith("shop/migrate", StringComparison.Ordinal));
        Assert.Contains("completed pods are not restored", roundTrip.Files.Log, StringComparison.Ordinal);
        Assert.Contains("completed jobs are not restored", roundTrip.Files.Log, StringComparison.Ordinal);
    }
}
