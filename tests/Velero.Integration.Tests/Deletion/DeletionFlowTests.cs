using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.Integration.Tests.Downloads;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;
using Velero.Scheduler.Deletion;
using Velero.Scheduler.GarbageCollection;

namespace Velero.Integration.Tests.Deletion;

/// <summary>
/// The garbage collector and the deletion controller of the scheduler, run pass by pass on a clock the test moves,
/// against an emulated cluster, the real Ceph S3 server and the real catalog database.
/// </summary>
public sealed class DeletionFlowTests(DeletionFixture fixture) : IClassFixture<DeletionFixture>
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task Velero_backup_delete_removes_the_backup_its_files_and_its_restores_and_the_catalog_keeps_the_history()
    {
        var backup = await fixture.SeedBackupAsync("nightly-1");
        await fixture.SeedRestoreAsync("nightly-1-r1", "nightly-1");
        await fixture.SeedRestoreAsync("nightly-1-r2", "nightly-1");
        await fixture.SeedBackupAsync("nightly-10");
        await fixture.SeedRestoreAsync("nightly-10-r", "nightly-10");

        var (code, output, error) = await fixture.CliAsync("backup", "delete", "nightly-1", "--confirm");
        Assert.True(code == 0, error);
        Assert.Contains("Request to delete backup \"nightly-1\" submitted successfully.", output, StringComparison.Ordinal);
        Assert.Single(await fixture.RequestsForAsync("nightly-1"));

        await Controller().RunOnceAsync(CancellationToken.None);

        Assert.Empty(await fixture.KeysAsync("backups/nightly-1/"));
        Assert.Empty(await fixture.KeysAsync("restores/nightly-1-r"));
        Assert.Null(await fixture.Backups.GetAsync(DeletionFixture.Namespace, "nightly-1"));
        Assert.Null(await fixture.Restores.GetAsync(DeletionFixture.Namespace, "nightly-1-r1"));
        Assert.Null(await fixture.Restores.GetAsync(DeletionFixture.Namespace, "nightly-1-r2"));
        Assert.Empty(await fixture.RequestsForAsync("nightly-1"));

        // A backup whose name starts the same is untouched.
        Assert.Equal(7, (await fixture.KeysAsync("backups/nightly-10/")).Count);
        Assert.Equal(2, (await fixture.KeysAsync("restores/nightly-10-r/")).Count);
        Assert.NotNull(await fixture.Restores.GetAsync(DeletionFixture.Namespace, "nightly-10-r"));

        // The catalog: the record stays, Deleting and deleted, with its history and the attempt.
        var uid = backup.Metadata.Uid;
        Assert.Equal("Deleting", await fixture.Database.ScalarAsync<string>($"select phase from backups where uid = '{uid}'"));
        Assert.True(await fixture.Database.ScalarAsync<bool>($"select deleted_at is not null from backups where uid = '{uid}'"));
        Assert.Equal("Completed,Deleting", await fixture.Database.ScalarAsync<string>(
            $"select string_agg(phase, ',' order by id) from backup_phase_history where backup_uid = '{uid}'"));
        Assert.Equal("request:true:[]", await fixture.Database.ScalarAsync<string>(
            $"select reason || ':' || succeeded || ':' || errors::text from backup_deletions where backup_uid = '{uid}'"));
    }

    [Fact]
    public async Task An_expired_backup_gets_one_deletion_request_from_the_collector_and_is_then_deleted()
    {
        var backup = await fixture.SeedBackupAsync("ttl-1", expiration: _clock.GetUtcNow().AddHours(1));
        var collector = Collector();

        await collector.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await fixture.RequestsForAsync("ttl-1"));

        _clock.Advance(TimeSpan.FromHours(2));
        await collector.RunOnceAsync(CancellationToken.None);
        await collector.RunOnceAsync(CancellationToken.None);

        var request = Assert.Single(await fixture.RequestsForAsync("ttl-1"));
        Assert.Equal("ttl-1", request.Spec.BackupName);
        Assert.Equal(backup.Metadata.Uid, request.Metadata.Labels["velero.io/backup-uid"]);
        Assert.StartsWith("ttl-1-", request.Metadata.Name, StringComparison.Ordinal);

        await Controller().RunOnceAsync(CancellationToken.None);

        Assert.Empty(await fixture.KeysAsync("backups/ttl-1/"));
        Assert.Null(await fixture.Backups.GetAsync(DeletionFixture.Namespace, "ttl-1"));
        Assert.Empty(await fixture.RequestsForAsync("ttl-1"));
        Assert.Equal("expired", await fixture.Database.ScalarAsync<string>(
            $"select reason from backup_deletions where backup_uid = '{backup.Metadata.Uid}'"));
    }

    [Fact]
    public async Task An_expired_backup_in_a_read_only_location_is_labelled_and_nothing_is_deleted_until_the_location_is_writable()
    {
        await fixture.SeedBackupAsync("archived-1", location: "archive", expiration: _clock.GetUtcNow().AddMinutes(-5));

        await Collector().RunOnceAsync(CancellationToken.None);

        var labelled = await fixture.Backups.GetAsync(DeletionFixture.Namespace, "archived-1");
        Assert.Equal("BSLReadOnly", labelled!.Metadata.Labels["velero.io/gc-failure"]);
        Assert.Empty(await fixture.RequestsForAsync("archived-1"));

        // Asked directly, the deletion controller refuses too.
        await fixture.Requests.CreateAsync(DeleteBackupRequests.For(DeletionFixture.Namespace, "archived-1", labelled.Metadata.Uid));
        await Controller().RunOnceAsync(CancellationToken.None);
        var refused = Assert.Single(await fixture.RequestsForAsync("archived-1"));
        Assert.Equal(DeleteBackupRequestPhase.Processed, refused.Status!.Phase);
        Assert.Equal(["cannot delete backup because backup storage location archive is currently in read-only mode"], refused.Status.Errors);
        Assert.Equal(7, (await fixture.KeysAsync("backups/archived-1/")).Count);
        Assert.Equal(BackupPhase.Completed, (await fixture.Backups.GetAsync(DeletionFixture.Namespace, "archived-1"))!.Status!.Phase);

        // Made writable, the next pass removes the label and asks for the deletion (the refused request is not pending).
        await fixture.Locations.PatchAsync(DeletionFixture.Namespace, "archive",
            new JsonObject { ["spec"] = new JsonObject { ["accessMode"] = BackupStorageLocationAccessMode.ReadWrite } });
        try
        {
            await Collector().RunOnceAsync(CancellationToken.None);
            var unlabelled = await fixture.Backups.GetAsync(DeletionFixture.Namespace, "archived-1");
            Assert.False(unlabelled!.Metadata.Labels.ContainsKey("velero.io/gc-failure"));
            Assert.Equal(2, (await fixture.RequestsForAsync("archived-1")).Count);
        }
        finally
        {
            await fixture.Locations.PatchAsync(DeletionFixture.Namespace, "archive",
                new JsonObject { ["spec"] = new JsonObject { ["accessMode"] = BackupStorageLocationAccessMode.ReadOnly } });
        }
    }

    [Fact]
    public async Task Requests_for_a_running_or_missing_backup_are_refused_in_upstreams_words_and_delete_nothing()
    {
        await fixture.SeedBackupAsync("running-1", phase: BackupPhase.InProgress);
        await fixture.Requests.CreateAsync(DeleteBackupRequests.For(DeletionFixture.Namespace, "running-1", null));
        await fixture.Requests.CreateAsync(DeleteBackupRequests.For(DeletionFixture.Namespace, "never-was", null));

        await Controller().RunOnceAsync(CancellationToken.None);

        var running = Assert.Single(await fixture.RequestsForAsync("running-1"));
        Assert.Equal(DeleteBackupRequestPhase.Processed, running.Status!.Phase);
        Assert.Equal(["backup is still in progress"], running.Status.Errors);
        Assert.Equal(7, (await fixture.KeysAsync("backups/running-1/")).Count);
        Assert.Equal("InProgress", await fixture.Database.ScalarAsync<string>("select phase from backups where name = 'running-1'"));

        var missing = Assert.Single(await fixture.RequestsForAsync("never-was"));
        Assert.Equal(["backup not found"], missing.Status!.Errors);
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from backup_deletions where backup_name in ('running-1', 'never-was') and succeeded = false"));
    }

    [Fact]
    public async Task A_backup_with_snapshots_this_server_cannot_delete_stays_deleting_with_the_reason_on_its_request()
    {
        var backup = await fixture.SeedBackupAsync("with-snapshots", volumeSnapshotsJson: """
            [{"spec":{"backupName":"with-snapshots","location":"aws-default","persistentVolumeName":"pv-1"},
              "status":{"providerSnapshotID":"snap-0123","phase":"Completed"}}]
            """);
        await fixture.Requests.CreateAsync(DeleteBackupRequests.For(DeletionFixture.Namespace, "with-snapshots", backup.Metadata.Uid));

        await Controller().RunOnceAsync(CancellationToken.None);

        var request = Assert.Single(await fixture.RequestsForAsync("with-snapshots"));
        Assert.Equal(DeleteBackupRequestPhase.Processed, request.Status!.Phase);
        Assert.Equal(["error getting volume snapshotter for volume snapshot location aws-default: this server has no VolumeSnapshotter, "
                      + "snapshot snap-0123 was not deleted"], request.Status.Errors);
        Assert.Equal(BackupPhase.Deleting, (await fixture.Backups.GetAsync(DeletionFixture.Namespace, "with-snapshots"))!.Status!.Phase);
        Assert.Equal(7, (await fixture.KeysAsync("backups/with-snapshots/")).Count);
        Assert.Equal("Deleting", await fixture.Database.ScalarAsync<string>($"select phase from backups where uid = '{backup.Metadata.Uid}'"));
        Assert.False(await fixture.Database.ScalarAsync<bool>($"select deleted_at is not null from backups where uid = '{backup.Metadata.Uid}'"));
    }

    [Fact]
    public async Task A_request_left_in_progress_by_a_stopped_scheduler_is_resumed_and_finishes_the_deletion()
    {
        var backup = await fixture.SeedBackupAsync("half-deleted");
        await fixture.SeedRestoreAsync("half-deleted-r", "half-deleted");
        var request = await fixture.Requests.CreateAsync(DeleteBackupRequests.For(DeletionFixture.Namespace, "half-deleted", backup.Metadata.Uid));
        // Where a scheduler stopped: request in progress, backup Deleting, part of its files gone.
        await fixture.Requests.PatchStatusAsync(DeletionFixture.Namespace, request.Metadata.Name,
            new DeleteBackupRequestStatus { Phase = DeleteBackupRequestPhase.InProgress });
        await fixture.Backups.PatchStatusAsync(DeletionFixture.Namespace, "half-deleted", new BackupStatus { Phase = BackupPhase.Deleting });
        await fixture.S3.DeleteObjectAsync(fixture.Bucket, $"{DeletionFixture.Prefix}/backups/half-deleted/half-deleted.tar.gz");

        await Controller().RunOnceAsync(CancellationToken.None);

        Assert.Empty(await fixture.KeysAsync("backups/half-deleted/"));
        Assert.Empty(await fixture.KeysAsync("restores/half-deleted-r/"));
        Assert.Null(await fixture.Backups.GetAsync(DeletionFixture.Namespace, "half-deleted"));
        Assert.Empty(await fixture.RequestsForAsync("half-deleted"));
        Assert.True(await fixture.Database.ScalarAsync<bool>($"select deleted_at is not null from backups where uid = '{backup.Metadata.Uid}'"));
    }

    [Fact]
    public async Task A_restore_deleted_on_its_own_takes_its_files_in_storage_with_it()
    {
        await fixture.SeedBackupAsync("kept-1");
        await fixture.SeedRestoreAsync("kept-1-r", "kept-1");
        var finalizer = new RestoreFinalizer(fixture.Registry, fixture.DataSource, new ObjectStoreFactory(_clock),
            Options.Create(new VeleroNamespaceOptions()), Options.Create(new DeletionOptions()), _clock, NullLogger<RestoreFinalizer>.Instance);

        await finalizer.HandleAsync(fixture.Cluster, (await fixture.Restores.GetAsync(DeletionFixture.Namespace, "kept-1-r"))!, CancellationToken.None);
        var finalized = await fixture.Restores.GetAsync(DeletionFixture.Namespace, "kept-1-r");
        Assert.Equal(["restores.velero.io/external-resources-finalizer"], finalized!.Metadata.Finalizers);

        await fixture.Restores.DeleteAsync(DeletionFixture.Namespace, "kept-1-r");
        var terminating = await fixture.Restores.GetAsync(DeletionFixture.Namespace, "kept-1-r");
        Assert.NotNull(terminating!.Metadata.DeletionTimestamp);
        await finalizer.HandleAsync(fixture.Cluster, terminating, CancellationToken.None);

        Assert.Null(await fixture.Restores.GetAsync(DeletionFixture.Namespace, "kept-1-r"));
        Assert.Empty(await fixture.KeysAsync("restores/kept-1-r/"));
        Assert.Equal(7, (await fixture.KeysAsync("backups/kept-1/")).Count);
    }

    private DeleteBackupRequestController Controller()
    {
        var options = Options.Create(new DeletionOptions());
        var processor = new DeleteBackupRequestProcessor(fixture.DataSource, new ObjectStoreFactory(_clock), options, _clock,
            NullLogger<DeleteBackupRequestProcessor>.Instance);
        return new DeleteBackupRequestController(fixture.Registry, fixture.DataSource, Options.Create(new VeleroNamespaceOptions()),
            options, processor, new DeleteBackupRequestSignal(), _clock, NullLogger<DeleteBackupRequestController>.Instance);
    }

    private GarbageCollector Collector() => new(fixture.Registry, fixture.DataSource, Options.Create(new VeleroNamespaceOptions()),
        Options.Create(new GarbageCollectionOptions()), _clock, NullLogger<GarbageCollector>.Instance);
}
