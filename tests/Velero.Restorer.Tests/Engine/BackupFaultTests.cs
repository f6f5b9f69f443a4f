using System.Text.Json.Nodes;
using Velero.BackupFormat.Layout;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Engine;

/// <summary>
/// A backup that cannot be read fails the restore before anything is created, with a reason, and the restore's files
/// are still written; one item the API server rejects fails only that item.
/// </summary>
public sealed class BackupFaultTests
{
    public static TheoryData<string> Faults() => ["corrupt", "truncated", "missing", "crc"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Unreadable_backup_fails_the_restore_with_nothing_created(string fault)
    {
        using var directory = new TempDirectory();
        using var location = Harness.FileSystemLocation(directory);
        await using var cluster = await Harness.ClusterAsync();
        using var client = Harness.Client(cluster);
        var backup = Harness.Backup("broken");
        var tarball = UpstreamTarball.Build(NginxExample.Items());
        await UpstreamTarball.PutAsync(location, backup, Damage(tarball, fault));
        if (fault == "missing")
        {
            await location.DeleteAsync(BackupLayout.BackupTarball("broken"));
        }

        var before = await ClusterSnapshot.TakeAsync(client);
        var outcome = await Harness.RestoreAsync(client, location, backup, Harness.Restore("broken-restore", "broken"));
        var after = await ClusterSnapshot.TakeAsync(client);

        Assert.Equal("Failed", outcome.Phase);
        Assert.Matches(fault == "missing" ? "^error downloading backup tarball: backup broken has no backups/broken/broken.tar.gz" : "^error (reading|downloading) backup tarball backups/broken/broken.tar.gz: .+",
            outcome.FailureReason);
        Assert.Equal(0, outcome.ItemsRestored);
        Assert.Equal(before.Objects.ToDictionary(p => p.Key, p => ClusterSnapshot.ResourceVersion(p.Value)),
            after.Objects.ToDictionary(p => p.Key, p => ClusterSnapshot.ResourceVersion(p.Value)));
        var files = await RestoreFilesContents.ReadAsync(location, "broken-restore");
        Assert.Contains(outcome.FailureReason!, files.Log, StringComparison.Ordinal);
        Assert.Contains(outcome.FailureReason!, files.Messages("errors", null));
        Assert.Empty(files.ResourceList);
    }

    [Fact]
    public async Task Item_the_api_server_rejects_is_an_error_under_its_namespace_and_the_rest_is_restored()
    {
        using var directory = new TempDirectory();
        using var location = Harness.FileSystemLocation(directory);
        await using var cluster = await Harness.ClusterAsync();
        using var client = Harness.Client(cluster);
        var items = NginxExample.Items().ToList();
        var invalid = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "Not_A_Valid_Name", ["namespace"] = NginxExample.Namespace },
            ["data"] = new JsonObject { ["a"] = "b" },
        };
        items.Add(("configmaps", invalid));
        var backup = Harness.Backup("rejected");
        await UpstreamTarball.PutAsync(location, backup, UpstreamTarball.Build(items));

        var outcome = await Harness.RestoreAsync(client, location, backup, Harness.Restore("rejected-restore", "rejected"));
        var files = await RestoreFilesContents.ReadAsync(location, "rejected-restore");
        var after = await ClusterSnapshot.TakeAsync(client);

        Assert.Equal("PartiallyFailed", outcome.Phase);
        Assert.Equal(1, outcome.Errors);
        var error = Assert.Single(files.Messages("errors", NginxExample.Namespace));
        Assert.Contains("error restoring configmaps/nginx-example/Not_A_Valid_Name", error, StringComparison.Ordinal);
        Assert.Contains("nginx-example/Not_A_Valid_Name(failed)", files.Entries("v1/ConfigMap"));
        Assert.NotNull(after[new ObjectKey("deployments.apps", NginxExample.Namespace, "nginx-deployment")]);
        Assert.NotNull(after[new ObjectKey("services", NginxExample.Namespace, "my-nginx")]);
        Assert.Equal(5, after.Objects.Keys.Count(k => k.Namespace == NginxExample.Namespace && k.GroupResource is "deployments.apps" or "services" or "replicasets.apps" or "pods"));
    }

    private static byte[] Damage(byte[] tarball, string fault)
    {
        var damaged = (byte[])tarball.Clone();
        switch (fault)
        {
            case "corrupt":
                for (var i = damaged.Length / 3; i < damaged.Length / 3 + 16; i++)
                {
                    damaged[i] ^= 0x5A;
                }

                return damaged;
            case "truncated":
                return damaged[..(damaged.Length / 2)];
            case "crc":
                // The gzip trailer: CRC-32 of the data, then its length.
                damaged[^8] ^= 0xFF;
                return damaged;
            default:
                return damaged;
        }
    }
}
