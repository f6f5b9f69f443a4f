using Velero.Snapshotter.Tests.Support;

namespace Velero.Snapshotter.Tests;

/// <summary>The backup's log and results: warnings filed per namespace (spec 1.4), and never an item's contents.</summary>
public sealed class BackupLogTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: vault}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: db-password, namespace: vault}
        stringData: {password: hunter2-correct-horse}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: orphan, namespace: vault}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
          volumeName: pv-that-was-deleted
        """;

    [Fact]
    public async Task A_missing_related_item_is_a_warning_and_secrets_stay_out_of_the_log()
    {
        await using var cluster = await Harness.ClusterAsync();
        ManifestSeeder.SeedYaml(cluster, Manifests);
        var (result, contents) = await Backups.RunAsync(cluster, "logged", s => s.IncludedNamespaces = ["vault"]);

        Assert.Equal("Completed", result.Phase);
        Assert.Equal((1, 0), (result.Warnings, result.Errors));
        Assert.Equal(1, (int?)contents.Metadata["status"]!["warnings"]);
        Assert.Null(contents.Metadata["status"]!["errors"]);
        // The missing volume is cluster-scoped: its warning is filed under "velero", not under a namespace.
        Assert.Null(contents.Results!["warnings"]!["namespaces"]);
        var warning = (string?)Assert.Single(contents.Results!["warnings"]!["velero"]!.AsArray());
        Assert.Equal(" resource: /persistentvolumes name: /pv-that-was-deleted message: /Additional item was not found in Kubernetes API, can't back it up",
            warning);
        Assert.Contains("level=warning", contents.Log, StringComparison.Ordinal);

        Assert.Contains("resources/secrets/namespaces/vault/db-password.json", contents.DefaultItemPaths);
        var encoded = Convert.ToBase64String("hunter2-correct-horse"u8.ToArray());
        Assert.DoesNotContain("hunter2", contents.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(encoded, contents.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(encoded, contents.Results!.ToJsonString(), StringComparison.Ordinal);
    }
}
