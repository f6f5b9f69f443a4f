using Velero.Api;
using Velero.Api.V1;
using Velero.Integration.Tests.Restores;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Sync;

/// <summary>
/// Backup sync (spec 7.3) between the two emulated clusters sharing one location on the real Ceph S3 server: dev-b sees
/// what dev-a backed up, keeps it while the data exists, and lets it go when the data is gone.
/// </summary>
public sealed class BackupSyncTests(MigrationFixture fixture) : IClassFixture<MigrationFixture>, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SyncWorld _world = null!;

    private CustomResourceClient<Backup> BackupsB => new(fixture.ClientB);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _world = await SyncWorld.StartAsync(fixture, _database, "dev-b");
        await SyncWorld.SetLocationPhaseAsync(fixture.ClientB, "default", BackupStorageLocationPhase.Available);
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_backup_taken_in_dev_a_appears_in_dev_b_comes_back_after_kubectl_delete_and_goes_with_its_data()
    {
        var taken = await SyncWorld.TakeBackupAsync(fixture, fixture.ClientA, "shop-sync-1", BackupPhase.Completed, items: 41);

        await _world.SyncAsync();

        // dev-b has it, with the stored status, on its own location, labelled for it, and a uid of its own.
        var synced = await BackupsB.GetAsync("velero", "shop-sync-1");
        Assert.NotNull(synced);
        Assert.Equal(BackupPhase.Completed, synced.Status!.Phase);
        Assert.Equal(41, synced.Status.Progress!.ItemsBackedUp);
        Assert.Equal(taken.Status!.CompletionTimestamp, synced.Status.CompletionTimestamp);
        Assert.Equal("default", synced.Metadata.Labels[WellKnown.StorageLocationLabel]);
        Assert.Equal("shop", synced.Metadata.Labels["team"]);
        Assert.Equal("default", synced.Spec.StorageLocation);
        Assert.NotEqual(taken.Metadata.Uid, synced.Metadata.Uid);
        var location = await new CustomResourceClient<BackupStorageLocation>(fixture.ClientB).GetAsync("velero", "default");
        Assert.NotNull(location!.Status!.LastSyncedTime);
        Assert.Equal("sync", await _database.ScalarAsync<string>($"select origin from backups where uid = '{synced.Metadata.Uid}'"));

        // kubectl delete removes the resource only; the next pass brings it back while the data exists.
        await Kubectl.RunAsync(fixture.Kubeconfig, "dev-b", "delete", "backup", "shop-sync-1", "-n", "velero");
        Assert.Null(await BackupsB.GetAsync("velero", "shop-sync-1"));
        Assert.Contains("velero-backup.json", await fixture.KeysAsync("backups/shop-sync-1/"));
        await _world.SyncAsync();
        var back = await BackupsB.GetAsync("velero", "shop-sync-1");
        Assert.Equal(BackupPhase.Completed, back?.Status?.Phase);

        // Without its data, the Backup is an orphan: removed from dev-b (dev-a, not served here, keeps its own).
        await SyncWorld.RemoveBackupDataAsync(fixture, "shop-sync-1");
        await _world.SyncAsync();
        Assert.Null(await BackupsB.GetAsync("velero", "shop-sync-1"));
        Assert.NotNull(await new CustomResourceClient<Backup>(fixture.ClientA).GetAsync("velero", "shop-sync-1"));
    }

    [Fact]
    public async Task A_backup_still_running_in_storage_or_in_a_location_that_is_unavailable_is_not_synced()
    {
        await new CustomResourceClient<BackupStorageLocation>(fixture.ClientB).CreateAsync(
            CephStorage.Location("archive", fixture.Bucket, "archive"));
        await SyncWorld.SetLocationPhaseAsync(fixture.ClientB, "archive", BackupStorageLocationPhase.Unavailable);
        await SyncWorld.TakeBackupAsync(fixture, null, "archived-1", BackupPhase.Completed, items: 3, prefix: "archive", location: "archive");
        await SyncWorld.TakeBackupAsync(fixture, null, "finishing-1", BackupPhase.Finalizing, items: 3);

        await _world.SyncAsync();

        Assert.Null(await BackupsB.GetAsync("velero", "archived-1"));
        Assert.Null(await BackupsB.GetAsync("velero", "finishing-1"));
        var archive = await new CustomResourceClient<BackupStorageLocation>(fixture.ClientB).GetAsync("velero", "archive");
        Assert.Null(archive!.Status!.LastSyncedTime);

        // Once available, its backups arrive.
        await SyncWorld.SetLocationPhaseAsync(fixture.ClientB, "archive", BackupStorageLocationPhase.Available);
        await _world.SyncAsync();
        var arrived = await BackupsB.GetAsync("velero", "archived-1");
        Assert.Equal(("archive", "archive"), (arrived?.Spec.StorageLocation, arrived?.Metadata.Labels[WellKnown.StorageLocationLabel]));
    }
}
