using System.Text.Json.Nodes;
using Velero.Kubernetes.Raw;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.RoundTrip;

/// <summary>
/// Restoring over objects that already exist (spec 5.3 step 9), into the backed-up cluster itself after a change:
/// identical objects are skipped; a changed one keeps the in-cluster version with upstream's warning (no policy or
/// <c>none</c>) or is patched back to the backed-up version (<c>update</c>).
/// </summary>
public sealed class ExistingResourceTests
{
    public static TheoryData<string?, string?, string, string> Policies() => new()
    {
        { null, "could not restore, ConfigMap:settings already exists. Warning: the in-cluster version is different than the backed-up version", "failed", "USD" },
        { "none", "could not restore, ConfigMap \"settings\" already exists. Warning: the in-cluster version is different than the backed-up version", "failed", "USD" },
        { "update", null, "updated", "EUR" },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Changed_existing_object_is_kept_or_updated_by_the_policy(string? policy, string? warning, string action, string currency)
    {
        await using var clusters = await RoundTripClusters.StartAsync();
        await SampleCluster.SeedAsync(clusters.Source, clusters.SourceClient);
        var backup = await clusters.BackUpAsync($"existing-{policy ?? "default"}");
        var api = new ClusterApi(clusters.SourceClient);
        ClusterApi.EnsureSuccess(await api.MergePatchAsync("/api/v1/namespaces/shop/configmaps/settings",
            new JsonObject { ["data"] = new JsonObject { ["currency"] = "USD" } }, CancellationToken.None), "PATCH", "settings");

        var (outcome, files) = await clusters.RestoreAsync(backup, $"existing-{policy ?? "default"}-restore", s => s.ExistingResourcePolicy = policy,
            intoSource: true);
        var settings = (await api.GetAsync("/api/v1/namespaces/shop/configmaps/settings", CancellationToken.None))!;

        Assert.True(outcome is { Phase: "Completed", Errors: 0 }, $"{outcome.Phase}: {files.Results.ToJsonString()}");
        Assert.Equal(currency, (string?)settings["data"]!["currency"]);
        Assert.Contains($"shop/settings({action})", files.Entries("v1/ConfigMap"));
        Assert.Contains("shop/creds(skipped)", files.Entries("v1/Secret"));
        var warnings = files.Messages("warnings", "shop");
        if (warning is null)
        {
            Assert.DoesNotContain(warnings, w => w.Contains("settings", StringComparison.Ordinal));
            Assert.Equal(backup.Metadata.Name, (string?)settings["metadata"]!["labels"]!["velero.io/backup-name"]);
        }
        else
        {
            Assert.Contains(warnings, w => w.Contains(warning, StringComparison.Ordinal));
        }
    }
}
