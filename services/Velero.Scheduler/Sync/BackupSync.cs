using System.Net;
using k8s.Autorest;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;
using Velero.Contracts.Clusters;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Locations;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;
using Velero.Scheduler.Catalog;
using Velero.Scheduler.Flow;
using Velero.Scheduler.Locations;

namespace Velero.Scheduler.Sync;

/// <summary>
/// Upstream's backup sync controller (spec 7.3): every location of every cluster served, default first, is synced when its
/// period has passed. Backups stored there but missing as resources are created with their stored status (and their
/// PodVolumeBackups), which is how one cluster sees the backups another took; ended Backups of the location whose data is
/// gone are removed from the cluster (never from storage). Object storage says whether a backup exists, the cluster
/// keeps what users asked for.
/// </summary>
internal sealed class BackupSync(
    ClusterRegistry clusters,
    NpgsqlDataSource dataSource,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<SyncOptions> options,
    IOptions<StorageLocationOptions> locationOptions,
    ObjectStoreFactory stores,
    CatalogRecorder catalog,
    TimeProvider time,
    ILogger<BackupSync> logger) : PeriodicClusterWork(clusters, dataSource, time, logger)
{
    /// <summary>"sync" in ASCII.</summary>
    internal const int SyncLockClass = 0x73796e63;

    protected override string Activity => "syncing backups from storage locations";

    protected override int LockClass => SyncLockClass;

    protected override TimeSpan Interval => options.Value.Tick;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override async Task RunAsync(ClusterConnection cluster, ClusterRef identity, NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var ns = velero.Value.Namespace;
        var locations = await new CustomResourceClient<BackupStorageLocation>(cluster.Client).ListAsync(ns, cancellationToken: cancellationToken);
        foreach (var location in SyncSchedule.Order(locations.Items))
        {
            if (!SyncSchedule.IsDue(location, options.Value.Period, Time.GetUtcNow()))
            {
                continue;
            }

            try
            {
                await SyncLocationAsync(cluster, location, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                // Upstream logs and waits for the next period; the location's validation reports a store that is away.
                logger.LogWarning("Syncing backups from location {Cluster}/{Location} failed: {Reason}", cluster.Name,
                    location.Metadata.Name, MessageSanitizer.Sanitize(e.Message));
            }
        }
    }

    private async Task SyncLocationAsync(ClusterConnection cluster, BackupStorageLocation location, CancellationToken cancellationToken)
    {
        var ns = velero.Value.Namespace;
        var name = location.Metadata.Name;
        var config = await LocationConfigReader.ReadAsync(cluster.Client, location, cancellationToken,
            locationOptions.Value.DefaultCredentialsSecret, locationOptions.Value.DefaultCredentialsKey);
        using var store = stores.Create(config);
        var stored = await StoredBackups.ListNamesAsync(store, cancellationToken);

        var backups = new CustomResourceClient<Backup>(cluster.Client);
        var inCluster = (await backups.ListAsync(ns, cancellationToken: cancellationToken)).Items
            .Select(b => b.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var backupName in stored.Where(n => !inCluster.Contains(n)).Order(StringComparer.Ordinal))
        {
            await SyncBackupAsync(cluster, store, name, backupName, cancellationToken);
        }

        await DeleteOrphansAsync(cluster, backups, name, stored, cancellationToken);

        await new CustomResourceClient<BackupStorageLocation>(cluster.Client).PatchStatusAsync(ns, name,
            new BackupStorageLocationStatus { LastSyncedTime = Time.GetUtcNow().UtcDateTime }, cancellationToken);
    }

    private async Task SyncBackupAsync(ClusterConnection cluster, ObjectStoreLocation store, string location, string backupName,
        CancellationToken cancellationToken)
    {
        var ns = velero.Value.Namespace;
        if (await StoredBackups.ReadAsync(store, backupName, cancellationToken) is not { } stored)
        {
            return;
        }

        if (SyncDecisions.Prepare(stored, ns, location, Time.GetUtcNow()) is not { } backup)
        {
            logger.LogDebug("Backup {Name} in location {Cluster}/{Location} has not ended and not expired: not synced yet",
                backupName, cluster.Name, location);
            return;
        }

        var schedules = new CustomResourceClient<Schedule>(cluster.Client);
        var scheduleUids = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var owner in backup.Metadata.OwnerReferences?.Where(o => o.Kind == "Schedule") ?? [])
        {
            scheduleUids[owner.Name] = (await schedules.GetAsync(ns, owner.Name, cancellationToken))?.Metadata.Uid;
        }

        backup.Metadata.OwnerReferences = SyncDecisions.FilterOwners(backup.Metadata.OwnerReferences, n => scheduleUids.GetValueOrDefault(n));

        var backups = new CustomResourceClient<Backup>(cluster.Client);
        Backup created;
        try
        {
            // Velero's Backup CRD has no status subresource, so the status is created with the resource: the watcher never
            // sees the synced backup without its phase, and never takes it for a new one to run.
            created = await backups.CreateAsync(backup, cancellationToken);
            if (created.Status?.Phase != backup.Status?.Phase)
            {
                created = await backups.PatchStatusAsync(ns, backupName, backup.Status!, cancellationToken);
            }
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return;
        }

        logger.LogInformation("Backup {Name} synced into cluster {Cluster} from location {Location}, {Phase}", backupName,
            cluster.Name, location, created.Status?.Phase);
        await catalog.RecordSyncedAsync(cluster, created, cancellationToken);

        var podVolumeBackups = new CustomResourceClient<PodVolumeBackup>(cluster.Client);
        foreach (var pvb in await StoredBackups.ReadPodVolumeBackupsAsync(store, backupName, cancellationToken))
        {
            try
            {
                await podVolumeBackups.CreateAsync(SyncDecisions.PreparePodVolumeBackup(pvb, created, location), cancellationToken);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
            }
        }
    }

    private async Task DeleteOrphansAsync(ClusterConnection cluster, CustomResourceClient<Backup> backups, string location,
        IReadOnlySet<string> stored, CancellationToken cancellationToken)
    {
        var labelled = await backups.ListAsync(velero.Value.Namespace,
            $"{WellKnown.StorageLocationLabel}={LabelValues.GetValidName(location)}", cancellationToken);
        foreach (var orphan in labelled.Items.Where(b => SyncDecisions.IsOrphan(b, stored)))
        {
            await backups.DeleteAsync(orphan.Metadata.NamespaceProperty, orphan.Metadata.Name, cancellationToken);
            logger.LogInformation("Backup {Cluster}/{Name} deleted from the cluster: location {Location} no longer holds it",
                cluster.Name, orphan.Metadata.Name, location);
        }
    }
}
