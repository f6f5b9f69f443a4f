using k8s.Models;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Integration.Tests.Clusters;
using Velero.Integration.Tests.Support;

namespace Velero.Integration.Tests.Backups;

/// <summary>
/// The scheduler's side of a backup (steps 2 and 5 of the flow) on the real broker and database and an emulated
/// cluster: intake and validation, the queue, dispatch to a snapshotter (a stand-in here), and the snapshotter's reports.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class BackupFlowTests(ClusterFixture clusters) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_invalid_backup_ends_FailedValidation_with_upstreams_messages()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters);
        await using var snapshotter = await SnapshotterStandIn.StartAsync();

        var created = await cluster.CreateBackupAsync("invalid", spec =>
        {
            spec.StorageLocation = "nowhere";
            spec.LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "shop" } };
            spec.OrLabelSelectors = [new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "blog" } }];
        });

        var backup = await cluster.WaitForPhaseAsync("invalid", BackupPhase.FailedValidation);
        string[] expected =
        [
            "an existing backup storage location was not specified at backup creation time and the default nowhere was not found. "
            + "Please address this issue (see `velero backup-location -h` for options) and create a new backup. "
            + "Error: backupstoragelocations.velero.io \"nowhere\" not found",
            "encountered labelSelector as well as orLabelSelectors in backup spec, only one can be specified",
        ];
        Assert.Equal(expected, backup.Status!.ValidationErrors);
        Assert.Null(backup.Status.StartTimestamp);
        var uid = created.Metadata.Uid;
        Assert.Equal("New,FailedValidation", await cluster.HistoryAsync(uid));
        Assert.Equal("FailedValidation", await cluster.ColumnAsync<string>(uid, "phase"));
        Assert.Equal(2, await cluster.ColumnAsync<int>(uid, "jsonb_array_length(validation_errors)"));

        var failed = await snapshotter.WaitForAsync<BackupFailed>(m => m.Backup.Uid == uid, MessageTimeout);
        Assert.Equal(BackupPhase.FailedValidation, failed.Phase);
        Assert.Equal(expected, failed.ValidationErrors);
        Assert.Equal(0, failed.Attempt);
        Assert.Equal(clusters.DevA.KubeSystemUid, failed.Backup.Cluster.Id);
        Assert.Empty(snapshotter.All<CollectBackup>(m => m.Backup.Uid == uid));
    }

    [Fact]
    public async Task A_valid_backup_gets_its_defaults_runs_and_completes_once()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters);
        await using var snapshotter = await SnapshotterStandIn.StartAsync();
        var ns = await cluster.CreateNamespaceAsync();

        var created = await cluster.CreateBackupAsync("valid", spec => spec.IncludedNamespaces = [ns]);
        var uid = created.Metadata.Uid;

        var collect = await snapshotter.WaitForAsync<CollectBackup>(m => m.Backup.Uid == uid, MessageTimeout);
        Assert.Equal(new BackupRef
        {
            Cluster = new() { Id = clusters.DevA.KubeSystemUid, Name = "dev-a" },
            Namespace = "velero",
            Name = "valid",
            Uid = uid,
        }, collect.Backup);
        Assert.Equal(1, collect.Attempt);
        Assert.Equal("default", collect.StorageLocation);
        var started = await snapshotter.WaitForAsync<BackupStarted>(m => m.Backup.Uid == uid, MessageTimeout);
        Assert.Equal("default", started.StorageLocation);

        var running = await cluster.WaitForPhaseAsync("valid", BackupPhase.InProgress);
        Assert.Equal("720h0m0s", running.Spec.Ttl);
        Assert.Equal("10m0s", running.Spec.CsiSnapshotTimeout);
        Assert.Equal("4h0m0s", running.Spec.ItemOperationTimeout);
        Assert.Equal("default", running.Spec.StorageLocation);
        Assert.Equal("default", running.Metadata.Labels["velero.io/storage-location"]);
        Assert.Equal("v1.32.0", running.Metadata.Annotations["velero.io/source-cluster-k8s-gitversion"][..7]);
        Assert.Equal("10m0s", running.Metadata.Annotations["velero.io/resource-timeout"]);
        Assert.Equal(1, running.Status!.Version);
        Assert.Equal("1.1.0", running.Status.FormatVersion);
        Assert.NotNull(running.Status.StartTimestamp);
        Assert.Equal(0, running.Status.QueuePosition ?? 0);
        var expiration = running.Status.Expiration!.Value - running.Metadata.CreationTimestamp!.Value;
        Assert.InRange(expiration, TimeSpan.FromHours(720) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(720) + TimeSpan.FromMinutes(1));
        Assert.Equal("New,Queued,InProgress", await cluster.HistoryAsync(uid));

        await snapshotter.PublishAsync(new BackupProgressed
        {
            Backup = collect.Backup, Attempt = 1, TotalItems = 12, ItemsBackedUp = 5, At = DateTimeOffset.UtcNow,
        });
        await BackupCluster.EventuallyAsync(async () => (await cluster.Backups.GetAsync("velero", "valid"))?.Status?.Progress?.ItemsBackedUp == 5);
        Assert.Equal(12, await cluster.ColumnAsync<int>(uid, "progress_total"));

        var messageId = Guid.NewGuid();
        var completed = SnapshotterStandIn.Completed(collect.Backup, BackupPhase.PartiallyFailed);
        await snapshotter.PublishAsync(completed, messageId);
        await snapshotter.PublishAsync(completed, messageId);

        var done = await cluster.WaitForPhaseAsync("valid", BackupPhase.PartiallyFailed);
        Assert.Equal(12, done.Status!.Progress!.TotalItems);
        Assert.Equal(12, done.Status.Progress.ItemsBackedUp);
        Assert.Equal(2, done.Status.Warnings);
        Assert.Equal(1, done.Status.Errors);
        Assert.Equal(3, done.Status.HookStatus!.HooksAttempted);
        Assert.Equal(1, done.Status.HookStatus.HooksFailed);
        Assert.NotNull(done.Status.CompletionTimestamp);
        Assert.Equal(running.Status.StartTimestamp, done.Status.StartTimestamp);
        // The redelivery (same message id) and a late duplicate (another id, other counts) change nothing.
        await snapshotter.PublishAsync(completed with { Errors = 99 });
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("New,Queued,InProgress,PartiallyFailed", await cluster.HistoryAsync(uid));
        Assert.Equal(1, await cluster.ColumnAsync<int>(uid, "errors"));
        Assert.Equal(4096L, await cluster.ColumnAsync<long>(uid, "tarball_bytes"));
        Assert.Equal(1, (await cluster.Backups.GetAsync("velero", "valid"))!.Status!.Errors);
        Assert.Single(snapshotter.All<CollectBackup>(m => m.Backup.Uid == uid));
    }

    [Fact]
    public async Task A_snapshotter_failure_fails_the_backup_with_its_reason_and_a_deleted_backup_keeps_its_history()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters);
        await using var snapshotter = await SnapshotterStandIn.StartAsync();
        var ns = await cluster.CreateNamespaceAsync();
        var created = await cluster.CreateBackupAsync("broken", spec => spec.IncludedNamespaces = [ns]);
        var collect = await snapshotter.WaitForAsync<CollectBackup>(m => m.Backup.Uid == created.Metadata.Uid, MessageTimeout);

        // A report for another attempt is not about the running one.
        await snapshotter.PublishAsync(new BackupFailed
        {
            Backup = collect.Backup, Phase = BackupPhase.Failed, Attempt = 2, FailureReason = "stale", FailedAt = DateTimeOffset.UtcNow,
        });
        await snapshotter.PublishAsync(new BackupFailed
        {
            Backup = collect.Backup, Phase = BackupPhase.Failed, Attempt = 1, FailedAt = DateTimeOffset.UtcNow,
            FailureReason = "error uploading the tarball: the location is read-only",
        });

        var failed = await cluster.WaitForPhaseAsync("broken", BackupPhase.Failed);
        Assert.Equal("error uploading the tarball: the location is read-only", failed.Status!.FailureReason);
        Assert.NotNull(failed.Status.CompletionTimestamp);
        var uid = created.Metadata.Uid;
        Assert.Equal("New,Queued,InProgress,Failed", await cluster.HistoryAsync(uid));
        Assert.Equal("error uploading the tarball: the location is read-only", await cluster.ColumnAsync<string>(uid, "failure_reason"));

        await cluster.Backups.DeleteAsync("velero", "broken");
        await BackupCluster.EventuallyAsync(async () => await cluster.ColumnAsync<bool>(uid, "deleted_at is not null"));
        Assert.Equal("New,Queued,InProgress,Failed", await cluster.HistoryAsync(uid));
    }

    [Fact]
    public async Task A_backup_no_snapshotter_reports_on_fails_as_stalled()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters, new Dictionary<string, string?>
        {
            ["Scheduler__Backups__StallTimeout"] = "00:00:03",
        });
        await using var snapshotter = await SnapshotterStandIn.StartAsync();
        var ns = await cluster.CreateNamespaceAsync();
        var created = await cluster.CreateBackupAsync("silent", spec => spec.IncludedNamespaces = [ns]);
        var uid = created.Metadata.Uid;
        await snapshotter.WaitForAsync<CollectBackup>(m => m.Backup.Uid == uid, MessageTimeout);

        var failed = await cluster.WaitForPhaseAsync("silent", BackupPhase.Failed);

        Assert.Equal("backup stalled: no progress reported by a snapshotter for 3s", failed.Status!.FailureReason);
        Assert.Equal("New,Queued,InProgress,Failed", await cluster.HistoryAsync(uid));
        var message = await snapshotter.WaitForAsync<BackupFailed>(m => m.Backup.Uid == uid, MessageTimeout);
        Assert.Equal(BackupPhase.Failed, message.Phase);
        Assert.Equal(1, message.Attempt);
        Assert.Equal("backup stalled: no progress reported by a snapshotter for 3s", message.FailureReason);
        // A snapshotter that reports after all finds the backup ended.
        await snapshotter.PublishAsync(SnapshotterStandIn.Completed(message.Backup, BackupPhase.Completed));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("New,Queued,InProgress,Failed", await cluster.HistoryAsync(uid));
        Assert.Equal(BackupPhase.Failed, (await cluster.Backups.GetAsync("velero", "silent"))!.Status!.Phase);
    }
}
