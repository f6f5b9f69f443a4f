using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.Integration.Tests.Restores;
using Velero.Integration.Tests.Sync;
using Velero.Kubernetes.Resources;
using Velero.Scheduler.Backups;
using Velero.Testing;

namespace Velero.Integration.Tests.Catalog;

/// <summary>
/// Backups the catalog has no record of, seen in a cluster: recorded as they are, and never left stuck: one in progress
/// (nothing reports on it) fails after the stall timeout, one queued is taken in again.
/// </summary>
public sealed class CatalogRecorderTests(MigrationFixture fixture) : IClassFixture<MigrationFixture>
{
    [Fact]
    public async Task A_backup_found_in_progress_without_a_record_is_failed_by_the_stall_watchdog_after_its_timeout()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var world = await SyncWorld.StartAsync(fixture, database, "dev-a");
        var backups = new CustomResourceClient<Backup>(fixture.ClientA);
        var running = await backups.CreateAsync(new Backup
        {
            Metadata = new V1ObjectMeta { Name = "orphaned-run", NamespaceProperty = "velero" },
            Spec = new BackupSpec { IncludedNamespaces = ["shop"], StorageLocation = "default" },
            Status = new BackupStatus { Phase = BackupPhase.InProgress, StartTimestamp = DateTime.UtcNow.AddMinutes(-1) },
        });

        await world.Recorder.ObserveAsync(world.Cluster("dev-a"), running, CancellationToken.None);

        Assert.Equal("InProgress cluster", await database.ScalarAsync<string>(
            $"select phase || ' ' || origin from backups where uid = '{running.Metadata.Uid}' and last_heartbeat_at is not null"));
        var options = Options.Create(new BackupOptions());
        var watchdog = new BackupStallWatchdog(world.Clusters, world.DataSource,
            new BackupResourceWriter(world.Clusters, world.Clock, NullLogger<BackupResourceWriter>.Instance), new BackupQueueSignal(),
            options, world.Clock, NullLogger<BackupStallWatchdog>.Instance);
        var clusterId = world.Cluster("dev-a").Identity!.Id;
        Assert.Equal(0, await watchdog.FailStalledAsync(clusterId, CancellationToken.None));

        world.Clock.Advance(options.Value.StallTimeout + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await watchdog.FailStalledAsync(clusterId, CancellationToken.None));

        var failed = await backups.GetAsync("velero", "orphaned-run");
        Assert.Equal(BackupPhase.Failed, failed!.Status!.Phase);
        Assert.StartsWith("backup stalled", failed.Status.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_found_queued_without_a_record_is_taken_in_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var world = await SyncWorld.StartAsync(fixture, database, "dev-a");
        await SyncWorld.SetLocationPhaseAsync(fixture.ClientA, "default", BackupStorageLocationPhase.Available);
        var queued = await new CustomResourceClient<Backup>(fixture.ClientA).CreateAsync(new Backup
        {
            Metadata = new V1ObjectMeta { Name = "lost-queue", NamespaceProperty = "velero" },
            Spec = new BackupSpec { IncludedNamespaces = ["shop"] },
            Status = new BackupStatus { Phase = BackupPhase.Queued, QueuePosition = 3 },
        });

        await world.Recorder.ObserveAsync(world.Cluster("dev-a"), queued, CancellationToken.None);

        Assert.Equal("Queued scheduler 1", await database.ScalarAsync<string>(
            $"select phase || ' ' || origin || ' ' || coalesce(queue_position::text, '-') from backups where uid = '{queued.Metadata.Uid}'"));
    }
}
