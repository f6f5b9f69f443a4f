using System.Text.Json.Nodes;
using Velero.ObjectStorage.Locations;
using Velero.Snapshotter.Collection;
using Velero.Snapshotter.Tests.Support;

namespace Velero.Snapshotter.Tests;

/// <summary>A backup that cannot finish leaves nothing behind and says why (spec 1.2, 4.1).</summary>
public sealed class FailureTests
{
    [Theory]
    [InlineData(".tar.gz", "error uploading backup tarball: ")]
    [InlineData("-resource-list.json.gz", "error uploading backup files: ")]
    [InlineData("velero-backup.json", "error uploading backup metadata: ")]
    public async Task A_failing_upload_fails_the_backup_and_removes_what_was_written(string failingKey, string reason)
    {
        await using var cluster = await Harness.ClusterAsync();
        SeedConfigMaps(cluster, "bulk", 300);
        using var directory = new TempDirectory();
        using var healthy = Harness.FileSystemLocation(directory);
        using var location = new ObjectStoreLocation(
            new FailingObjectStore(Harness.FileSystemLocation(directory).Store, k => k.EndsWith(failingKey, StringComparison.Ordinal)), null);
        using var client = Harness.Client(cluster);

        var failure = await Assert.ThrowsAsync<BackupCollectionException>(() =>
            Harness.RunAsync(Harness.Collector(), client, location, Harness.Backup("doomed")));

        Assert.StartsWith(reason, failure.Message, StringComparison.Ordinal);
        Assert.Contains("connection reset", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("deadbeef", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIA", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await Keys(healthy, "backups/doomed/"));
    }

    [Fact]
    public async Task A_backup_already_in_the_location_is_refused_and_left_alone()
    {
        await using var cluster = await Harness.ClusterAsync();
        using var directory = new TempDirectory();
        using var location = Harness.FileSystemLocation(directory);
        using var client = Harness.Client(cluster);
        await location.PutAsync("backups/twice/velero-backup.json", new MemoryStream("{\"kind\":\"Backup\"}"u8.ToArray()));
        await location.PutAsync("backups/twice/twice.tar.gz", new MemoryStream([1, 2, 3]));

        var failure = await Assert.ThrowsAsync<BackupCollectionException>(() =>
            Harness.RunAsync(Harness.Collector(), client, location, Harness.Backup("twice")));

        Assert.Equal("backup already exists in object storage", failure.Message);
        Assert.Equal(["backups/twice/twice.tar.gz", "backups/twice/velero-backup.json"], await Keys(location, "backups/twice/"));
    }

    [Fact]
    public async Task An_unreachable_cluster_fails_the_backup_before_anything_is_written()
    {
        KubeEmulator.KubeEmulator cluster = await Harness.ClusterAsync();
        using var client = Harness.Client(cluster);
        await cluster.DisposeAsync();
        using var directory = new TempDirectory();
        using var location = Harness.FileSystemLocation(directory);

        var failure = await Assert.ThrowsAsync<BackupCollectionException>(() =>
            Harness.RunAsync(Harness.Collector(), client, location, Harness.Backup("offline")));

        Assert.StartsWith("error getting cluster resources: ", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await Keys(location, "backups/offline/"));
    }

    [Fact]
    public async Task A_cancelled_backup_removes_what_was_written_and_reports_the_cancellation()
    {
        await using var cluster = await Harness.ClusterAsync();
        SeedConfigMaps(cluster, "bulk", 2000);
        cluster.Faults.Latency = TimeSpan.FromMilliseconds(20);
        using var directory = new TempDirectory();
        using var location = Harness.FileSystemLocation(directory);
        using var client = Harness.Client(cluster);
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress();

        var running = Harness.RunAsync(Harness.Collector(pageSize: 10), client, location, Harness.Backup("stopped"), progress, cancel.Token);
        while (progress.Reports.IsEmpty && !running.IsCompleted)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Empty(await Keys(location, "backups/stopped/"));
    }

    /// <summary>ConfigMaps of about 2 KiB each in a namespace of their own.</summary>
    internal static void SeedConfigMaps(KubeEmulator.KubeEmulator cluster, string ns, int count, int bytes = 2048)
    {
        var objects = new List<JsonObject> { new() { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } } };
        for (var i = 0; i < count; i++)
        {
            objects.Add(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject { ["name"] = $"cm-{i:D5}", ["namespace"] = ns, ["labels"] = new JsonObject { ["batch"] = (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture) } },
                ["data"] = new JsonObject { ["payload"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes * 3 / 4)) },
            });
        }

        ManifestSeeder.Seed(cluster, objects);
    }

    internal static async Task<List<string>> Keys(ObjectStoreLocation location, string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in location.ListKeysAsync(prefix))
        {
            keys.Add(key);
        }

        return keys;
    }
}
