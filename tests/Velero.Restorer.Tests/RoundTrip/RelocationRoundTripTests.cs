using k8s;
using Velero.Restorer.Tests.Support;
using Velero.Testing;

namespace Velero.Restorer.Tests.RoundTrip;

/// <summary>
/// Restores that put things back somewhere: into the backed-up cluster after its namespaces were deleted, under other
/// namespace names (<c>namespaceMapping</c>), and with status (<c>restoreStatus</c>).
/// </summary>
public sealed class RelocationRoundTripTests
{
    [Fact]
    public async Task Deleted_namespaces_are_restored_into_the_same_cluster()
    {
        await using var clusters = await RoundTripClusters.StartAsync();
        await SampleCluster.SeedAsync(clusters.Source, clusters.SourceClient);
        var original = await ClusterSnapshot.TakeAsync(clusters.SourceClient);
        var backup = await clusters.BackUpAsync("in-place");
        foreach (var ns in new[] { "shop", "blog" })
        {
            await clusters.SourceClient.CoreV1.DeleteNamespaceAsync(ns);
        }

        await Eventually.WaitAsync(async () => (await ClusterSnapshot.TakeAsync(clusters.SourceClient)).Objects.Keys.All(k => k.Namespace is not ("shop" or "blog")),
            TimeSpan.FromSeconds(20), "the namespaces to be gone");
        var before = await ClusterSnapshot.TakeAsync(clusters.SourceClient);

        var (outcome, files) = await clusters.RestoreAsync(backup, "in-place-restore", intoSource: true);
        var after = await ClusterSnapshot.TakeAsync(clusters.SourceClient);

        Assert.True(outcome is { Phase: "Completed", Errors: 0 }, $"{outcome.Phase}: {files.Results.ToJsonString()}");
        ClusterComparison.AssertRestored(original, before, after);
        Assert.NotNull(after[new ObjectKey("deployments.apps", "shop", "web")]);
    }

    [Fact]
    public async Task Namespace_mapping_moves_objects_and_volume_claims_to_the_new_namespaces()
    {
        await using var clusters = await RoundTripClusters.StartAsync();
        await SampleCluster.SeedAsync(clusters.Source, clusters.SourceClient);
        var mapping = new Dictionary<string, string> { ["shop"] = "shop-copy", ["blog"] = "blog-copy" };
        var roundTrip = await clusters.RunAsync("mapped", s => s.NamespaceMapping = mapping);

        roundTrip.AssertCompleted();
        // Binding subjects follow the mapping through the role-bindings and cluster-role-bindings actions.
        roundTrip.AssertRestored(new RoundTripExpectation { NamespaceMapping = mapping });
        Assert.Null(roundTrip.After[new ObjectKey("configmaps", "shop", "settings")]);
        Assert.Equal("EUR", (string?)roundTrip.After[new ObjectKey("configmaps", "shop-copy", "settings")]!["data"]!["currency"]);
        var pv = roundTrip.After[new ObjectKey("persistentvolumes", null, "pv-blog")]!;
        Assert.Equal("blog-copy", (string?)pv["spec"]!["claimRef"]!["namespace"]);
        Assert.Equal("pv-blog", (string?)roundTrip.After[new ObjectKey("persistentvolumeclaims", "blog-copy", "data")]!["spec"]!["volumeName"]);
        Assert.Equal("shop", (string?)roundTrip.After[new ObjectKey("namespaces", null, "shop-copy")]!["metadata"]!["labels"]!["team"]);
    }

    [Fact]
    public async Task Restore_status_sets_the_status_of_the_included_types_only()
    {
        await using var clusters = await RoundTripClusters.StartAsync();
        await SampleCluster.SeedAsync(clusters.Source, clusters.SourceClient);
        var roundTrip = await clusters.RunAsync("status", s => s.RestoreStatus = new Velero.Api.V1.RestoreStatusSpec { IncludedResources = ["deployments"] });

        roundTrip.AssertCompleted();
        roundTrip.AssertRestored(new RoundTripExpectation { StatusRestored = new HashSet<string> { "deployments.apps" } });
        var web = roundTrip.After[new ObjectKey("deployments.apps", "shop", "web")]!;
        Assert.Equal(2, (int?)web["status"]!["readyReplicas"]);
        Assert.Null(roundTrip.After[new ObjectKey("jobs.batch", "shop", "report")]);
        Assert.Null(roundTrip.After[new ObjectKey("replicasets.apps", "shop", "web-1")]!["status"]?["readyReplicas"]);
    }
}
