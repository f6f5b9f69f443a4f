using k8s;
using k8s.Models;
using Velero.KubeEmulator.Faults;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Engine;

/// <summary>
/// An API server under load or dropping connections: throttled writes are retried as client-go retries them, and an item
/// whose request is lost is an error of that item only.
/// </summary>
public sealed class TransientFaultTests
{
    [Fact]
    public async Task Throttled_creates_are_retried_and_every_item_is_restored()
    {
        await using var clusters = await SeedAsync("throttled", 40);
        var backup = await clusters.BackUpAsync("throttled-1", s => s.IncludedNamespaces = ["throttled"]);
        clusters.Target.Faults.Add(new FaultRule(FaultKind.TooManyRequests, 0.15) { Verb = "create" });

        var (outcome, files) = await clusters.RestoreAsync(backup, "throttled-1-r");

        Assert.Equal("Completed", outcome.Phase);
        Assert.Equal(0, outcome.Errors);
        Assert.True(clusters.Target.Requests.Count("create") > 41, "no create was throttled");
        var restored = await clusters.TargetClient.CoreV1.ListNamespacedConfigMapAsync("throttled", labelSelector: "app=bulk");
        Assert.Equal(40, restored.Items.Count);
        Assert.Equal(40, files.ResourceList["v1/ConfigMap"]!.AsArray().Count(e => ((string?)e)!.EndsWith("(created)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Items_whose_requests_are_dropped_fail_alone_and_the_restore_is_partially_failed()
    {
        await using var clusters = await SeedAsync("dropped", 40);
        var backup = await clusters.BackUpAsync("dropped-1", s => s.IncludedNamespaces = ["dropped"]);
        clusters.Target.Faults.Add(new FaultRule(FaultKind.DropConnection, 0.2) { Verb = "create", PathContains = "/configmaps" });

        var (outcome, files) = await clusters.RestoreAsync(backup, "dropped-1-r");

        Assert.Equal("PartiallyFailed", outcome.Phase);
        Assert.True(outcome.Errors > 0);
        var errors = files.Results["errors"]!["namespaces"]!["dropped"]!.AsArray().Select(e => (string?)e).ToList();
        Assert.All(errors, e => Assert.StartsWith("error restoring configmaps/dropped/", e, StringComparison.Ordinal));
        var bulkErrors = errors.Count(e => e!.StartsWith("error restoring configmaps/dropped/bulk-", StringComparison.Ordinal));
        var failed = files.ResourceList["v1/ConfigMap"]!.AsArray().Select(e => (string?)e)
            .Count(e => e!.StartsWith("dropped/bulk-", StringComparison.Ordinal) && e.EndsWith("(failed)", StringComparison.Ordinal));
        Assert.Equal(bulkErrors, failed);
        var restored = await clusters.TargetClient.CoreV1.ListNamespacedConfigMapAsync("dropped", labelSelector: "app=bulk");
        Assert.True(restored.Items.Count >= 40 - failed, $"{restored.Items.Count} restored with {failed} failed");
    }

    private static async Task<RoundTripClusters> SeedAsync(string ns, int count)
    {
        var clusters = await RoundTripClusters.StartAsync();
        await clusters.SourceClient.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        for (var i = 0; i < count; i++)
        {
            await clusters.SourceClient.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = $"bulk-{i:D3}", Labels = new Dictionary<string, string> { ["app"] = "bulk" } },
                Data = new Dictionary<string, string> { ["value"] = $"{i}" },
            }, ns);
        }

        return clusters;
    }
}
