using System.Text.Json;
using k8s.Models;
using Velero.Api.V1;
using Velero.Cli;
using Velero.Cli.CommandLine;
using Velero.Integration.Tests.Restores;
using Velero.Integration.Tests.Support;
using Velero.Integration.Tests.Sync;
using Velero.Kubernetes.Resources;
using Velero.Scheduler.Catalog;
using Velero.Testing;

namespace Velero.Integration.Tests.Catalog;

/// <summary>
/// The catalog across the two emulated clusters: one view lists the backups of both, and an empty database rebuilt from
/// the clusters and the shared bucket holds every backup again, after which a scheduler neither re-runs nor fails any.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class CatalogRebuildTests(MigrationFixture fixture) : IClassFixture<MigrationFixture>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task An_empty_database_rebuilt_from_the_clusters_and_the_bucket_lists_every_backup_and_the_scheduler_leaves_them_be()
    {
        // Two backups taken in dev-a, and one only a storage location of dev-a holds (its cluster long gone).
        await using var live = await TestDatabase.CreateAsync();
        await using var world = await SyncWorld.StartAsync(fixture, live, "dev-a", "dev-b");
        await SyncWorld.SetLocationPhaseAsync(fixture.ClientA, "default", BackupStorageLocationPhase.Available);
        await SyncWorld.SetLocationPhaseAsync(fixture.ClientB, "default", BackupStorageLocationPhase.Available);
        await CreateArchiveAsync();
        var taken = new[]
        {
            await SyncWorld.TakeBackupAsync(fixture, fixture.ClientA, "cat-a1", BackupPhase.Completed, items: 12),
            await SyncWorld.TakeBackupAsync(fixture, fixture.ClientA, "cat-a2", BackupPhase.PartiallyFailed, items: 7),
        };
        await SyncWorld.TakeBackupAsync(fixture, null, "cat-s1", BackupPhase.Completed, items: 5, prefix: "archive-cat", location: "archive");

        // The live catalog: dev-a's backups as its watcher records them, dev-b's as sync creates them.
        foreach (var backup in taken)
        {
            await world.Recorder.ObserveAsync(world.Cluster("dev-a"), backup, CancellationToken.None);
        }

        await world.SyncAsync();

        var (code, json, error) = await CliAsync("catalog", "backups", "--database-url", live.ConnectionString, "-o", "json");
        Assert.True(code == 0, error);
        var listed = JsonSerializer.Deserialize<List<CatalogBackup>>(json, Web)!;
        Assert.Equal(
            ["dev-a cat-a1 Completed 12 default", "dev-a cat-a2 PartiallyFailed 7 default", "dev-b cat-a1 Completed 12 default",
             "dev-b cat-a2 PartiallyFailed 7 default"],
            listed.Select(Key));
        var (_, table, _) = await CliAsync("catalog", "backups", "--database-url", live.ConnectionString, "--cluster", "dev-b");
        Assert.Matches(@"\ndev-b +cat-a2 +PartiallyFailed +7/7 +default ", table);
        Assert.DoesNotContain("dev-a ", table, StringComparison.Ordinal);

        // The database is lost: an empty one is rebuilt from both clusters and their locations.
        await using var rebuilt = await TestDatabase.CreateAsync();
        (code, var output, error) = await CliAsync("catalog", "rebuild", "--database-url", rebuilt.ConnectionString,
            "--kubeconfig", fixture.Kubeconfig, "--contexts", "dev-a,dev-b");
        Assert.True(code == 0, output + error);
        await using var rebuiltSource = rebuilt.CreateDataSource();
        var recovered = await CatalogQuery.ListBackupsAsync(rebuiltSource, new CatalogFilter(), CancellationToken.None);
        Assert.Equal(listed.Select(Key).Append("dev-a cat-s1 Completed 5 archive").Order(StringComparer.Ordinal),
            recovered.Select(Key).Order(StringComparer.Ordinal));
        Assert.Equal(CatalogOrigin.Storage, recovered.Single(b => b.Name == "cat-s1").Origin);

        // Running it again (a live database) changes nothing.
        (code, output, error) = await CliAsync("catalog", "rebuild", "--database-url", rebuilt.ConnectionString,
            "--kubeconfig", fixture.Kubeconfig, "--contexts", "dev-a,dev-b");
        Assert.True(code == 0, output + error);
        Assert.Contains("0 backups and 0 restores recorded from clusters, 0 backups found only in storage, 5 already known", output, StringComparison.Ordinal);

        // A scheduler on the rebuilt catalog neither runs nor fails the completed backups.
        await using (var server = ServiceProcess.Start("velero.dll", Services.Environment(rebuilt, new Dictionary<string, string?>
                     {
                         ["Clusters__Kubeconfig"] = fixture.Kubeconfig,
                         ["Clusters__Contexts__0"] = "dev-a",
                         ["Clusters__Contexts__1"] = "dev-b",
                     }), "server", "--roles=scheduler"))
        {
            await server.WaitReadyAsync(Services.ReadyTimeout);
            await Task.Delay(TimeSpan.FromSeconds(8));
        }

        Assert.Equal(0L, await rebuilt.ScalarAsync<long>(
            "select count(*) from backups where phase in ('New', 'Queued', 'InProgress', 'Failed') or attempt > 0"));
        foreach (var client in new[] { fixture.ClientA, fixture.ClientB })
        {
            var backups = new CustomResourceClient<Backup>(client);
            Assert.Equal(BackupPhase.Completed, (await backups.GetAsync("velero", "cat-a1"))?.Status?.Phase);
            Assert.Equal(BackupPhase.PartiallyFailed, (await backups.GetAsync("velero", "cat-a2"))?.Status?.Phase);
        }
    }

    private static string Key(CatalogBackup b) => $"{b.Cluster} {b.Name} {b.Phase} {b.ItemsBackedUp} {b.StorageLocation}";

    /// <summary>A second location of dev-a, sync turned off, holding backups no cluster has as resources.</summary>
    private async Task CreateArchiveAsync()
    {
        var archive = CephStorage.Location("archive", fixture.Bucket, "archive-cat");
        archive.Spec.BackupSyncPeriod = "0s";
        await new CustomResourceClient<BackupStorageLocation>(fixture.ClientA).CreateAsync(archive);
        await SyncWorld.SetLocationPhaseAsync(fixture.ClientA, "archive", BackupStorageLocationPhase.Available);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> CliAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment { Out = output, Err = error, Variable = _ => null, TimeZone = TimeZoneInfo.Utc };
        var code = await VeleroCommand.RunAsync(args, env);
        return (code, output.ToString(), error.ToString());
    }
}
