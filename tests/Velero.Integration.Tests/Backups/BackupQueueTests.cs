using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Integration.Tests.Clusters;
using Velero.Integration.Tests.Support;

namespace Velero.Integration.Tests.Backups;

/// <summary>
/// The backup queue of one cluster (spec 3.1): overlapping backups one after the other, the concurrency limit, positions
/// that close up, and replicas of the scheduler that take turns.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class BackupQueueTests(ClusterFixture clusters) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_overlapping_backup_waits_in_the_queue_until_the_first_one_ends()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters);
        await using var snapshotter = await SnapshotterStandIn.StartAsync();
        var ns = await cluster.CreateNamespaceAsync();

        var first = await cluster.CreateBackupAsync("first", spec => spec.IncludedNamespaces = [ns]);
        var collectFirst = await snapshotter.WaitForAsync<CollectBackup>(m => m.Backup.Uid == first.Metadata.Uid, MessageTimeout);
        await cluster.WaitForPhaseAsync("first", BackupPhase.InProgress);
        var second = await cluster.CreateBackupAsync("second", spec => spec.IncludedNamespaces = [ns, "default"]);

        var queued = await cluster.WaitForPhaseAsync("second", BackupPhase.Queued);
        Assert.Equal(1, queued.Status!.QueuePosition);
        Assert.Equal(1, await cluster.ColumnAsync<int>(second.Metadata.Uid, "queue_position"));
        // The periodic pass (every 5 s) leaves it queued while the first one runs.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal(BackupPhase.Queued, (await cluster.Backups.GetAsync("velero", "second"))!.Status!.Phase);
        Assert.Empty(snapshotter.All<CollectBackup>(m => m.Backup.Uid == second.Metadata.Uid));

        await snapshotter.PublishAsync(SnapshotterStandIn.Completed(collectFirst.Backup, BackupPhase.Completed));

        await cluster.WaitForPhaseAsync("first", BackupPhase.Completed);
        var collectSecond = await snapshotter.WaitForAsync<CollectBackup>(m => m.Backup.Uid == second.Metadata.Uid, MessageTimeout);
        Assert.Equal(1, collectSecond.Attempt);
        var running = await cluster.WaitForPhaseAsync("second", BackupPhase.InProgress);
        Assert.Equal(0, running.Status!.QueuePosition ?? 0);
        Assert.Equal("New,Queued,InProgress", await cluster.HistoryAsync(second.Metadata.Uid));
    }

    [Fact]
    public async Task The_queue_closes_up_when_a_queued_backup_is_deleted_and_respects_the_concurrency_limit()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters, new Dictionary<string, string?>
        {
            ["Scheduler__Backups__Concurrency"] = "1",
        });
        await using var snapshotter = await SnapshotterStandIn.StartAsync();
        var shop = await cluster.CreateNamespaceAsync();
        var blog = await cluster.CreateNamespaceAsync();
        var wiki = await cluster.CreateNamespaceAsync();

        var running = await cluster.CreateBackupAsync("slot-holder", spec => spec.IncludedNamespaces = [shop]);
        var collect = await snapshotter.WaitForAsync<CollectBackup>(m => m.Backup.Uid == running.Metadata.Uid, MessageTimeout);
        await cluster.CreateBackupAsync("deleted-while-queued", spec => spec.IncludedNamespaces = [blog]);
        await cluster.WaitForPhaseAsync("deleted-while-queued", BackupPhase.Queued);
        var last = await cluster.CreateBackupAsync("last", spec => spec.IncludedNamespaces = [wiki]);
        Assert.Equal(2, (await cluster.WaitForPhaseAsync("last", BackupPhase.Queued)).Status!.QueuePosition);

        // No namespace in common, but one backup at a time: both wait. Deleting the first closes the gap.
        await cluster.Backups.DeleteAsync("velero", "deleted-while-queued");
        await BackupCluster.EventuallyAsync(async () => (await cluster.Backups.GetAsync("velero", "last"))?.Status?.QueuePosition == 1);
        Assert.Equal(BackupPhase.Queued, (await cluster.Backups.GetAsync("velero", "last"))!.Status!.Phase);

        await snapshotter.PublishAsync(SnapshotterStandIn.Completed(collect.Backup, BackupPhase.Completed));

        await snapshotter.WaitForAsync<CollectBackup>(m => m.Backup.Uid == last.Metadata.Uid, MessageTimeout);
        await cluster.WaitForPhaseAsync("last", BackupPhase.InProgress);
        Assert.Equal(1, await cluster.Database.ScalarAsync<long>(
            "select count(*) from backups where name = 'deleted-while-queued' and phase = 'Queued' and deleted_at is not null"));
        Assert.Equal(0, await cluster.Database.ScalarAsync<long>(
            "select count(*) from backups where name = 'deleted-while-queued' and attempt > 0"));
    }

    [Fact]
    public async Task Two_scheduler_replicas_take_a_backup_in_and_dispatch_it_once()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters);
        await using var replica = await cluster.StartReplicaAsync(clusters);
        await using var snapshotter = await SnapshotterStandIn.StartAsync();
        var ns = await cluster.CreateNamespaceAsync();

        var names = new[] { "replicated-1", "replicated-2", "replicated-3" };
        var created = new List<Backup>();
        foreach (var name in names)
        {
            created.Add(await cluster.CreateBackupAsync(name, spec => spec.IncludedNamespaces = [ns]));
        }

        var first = await snapshotter.WaitForAsync<CollectBackup>(m => m.Backup.Uid == created[0].Metadata.Uid, MessageTimeout);
        Assert.Equal(2, (await cluster.WaitForPhaseAsync("replicated-3", BackupPhase.Queued)).Status!.QueuePosition);
        Assert.Equal(1, (await cluster.WaitForPhaseAsync("replicated-2", BackupPhase.Queued)).Status!.QueuePosition);
        await snapshotter.PublishAsync(SnapshotterStandIn.Completed(first.Backup, BackupPhase.Completed));
        await snapshotter.WaitForAsync<CollectBackup>(m => m.Backup.Uid == created[1].Metadata.Uid, MessageTimeout);
        await BackupCluster.EventuallyAsync(async () => (await cluster.Backups.GetAsync("velero", "replicated-3"))?.Status?.QueuePosition == 1);

        // Both replicas saw every Backup and ran their queue passes; each backup was recorded and started once.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Single(snapshotter.All<CollectBackup>(m => m.Backup.Uid == created[0].Metadata.Uid));
        Assert.Single(snapshotter.All<CollectBackup>(m => m.Backup.Uid == created[1].Metadata.Uid));
        Assert.Empty(snapshotter.All<CollectBackup>(m => m.Backup.Uid == created[2].Metadata.Uid));
        Assert.Equal("New,Queued,InProgress,Completed", await cluster.HistoryAsync(created[0].Metadata.Uid));
        Assert.Equal("New,Queued,InProgress", await cluster.HistoryAsync(created[1].Metadata.Uid));
        Assert.Equal("New,Queued", await cluster.HistoryAsync(created[2].Metadata.Uid));
    }
}
