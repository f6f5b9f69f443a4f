using k8s;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Locations;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;

namespace Velero.Scheduler.Deletion;

/// <summary>
/// Upstream's Restore finalizer (restore_controller.go): every Restore gets
/// <c>restores.velero.io/external-resources-finalizer</c>; a deleted one has <c>restores/&lt;name&gt;/</c> removed from
/// its backup's location, then the finalizer taken off. A Restore whose backup or location is gone, or whose location is
/// read-only, goes without its files being touched (upstream skips a missing backup the same way); one whose location
/// stays unusable goes after <see cref="DeletionOptions.RestoreCleanupTimeout"/>, its files left and logged, rather than
/// terminating for ever. Every replica may do this: each step is idempotent.
/// </summary>
internal sealed class RestoreFinalizer(
    ClusterRegistry clusters,
    NpgsqlDataSource dataSource,
    ObjectStoreFactory stores,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<DeletionOptions> options,
    TimeProvider time,
    ILogger<RestoreFinalizer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        new ClusterWatches<Restore>(clusters, velero.Value.Namespace,
            (cluster, _, type, restore, ct) => type is WatchEventType.Deleted ? Task.CompletedTask : HandleAsync(cluster, restore, ct),
            time, logger).RunAsync(stoppingToken),
        ResyncAsync(stoppingToken));

    internal async Task HandleAsync(ClusterConnection cluster, Restore restore, CancellationToken cancellationToken)
    {
        try
        {
            if (!RestoreCleanup.IsDeleted(restore))
            {
                if (!RestoreCleanup.HasFinalizer(restore))
                {
                    await RestoreCleanup.AddFinalizerAsync(cluster, restore, cancellationToken);
                }
            }
            else if (RestoreCleanup.HasFinalizer(restore) && await CleanAsync(cluster, restore, cancellationToken))
            {
                await RestoreCleanup.ReleaseAsync(cluster, restore, cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            logger.LogWarning("Finalizing restore {Cluster}/{Name} failed, trying again at the next resync: {Reason}",
                cluster.Name, restore.Metadata.Name, e.Message);
        }
    }

    /// <summary>Whether the Restore may go now: its files are gone, cannot be reached, or waited for long enough.</summary>
    private async Task<bool> CleanAsync(ClusterConnection cluster, Restore restore, CancellationToken cancellationToken)
    {
        var name = restore.Metadata.Name;
        var ns = restore.Metadata.NamespaceProperty;
        if (string.IsNullOrEmpty(restore.Spec.BackupName))
        {
            return true;
        }

        var backup = await new CustomResourceClient<Backup>(cluster.Client).GetAsync(ns, restore.Spec.BackupName, cancellationToken);
        var locationName = backup?.Spec.StorageLocation
                           ?? await DeletionStore.ReadRestoreLocationAsync(dataSource, restore.Metadata.Uid, cancellationToken);
        if (locationName is null)
        {
            logger.LogWarning("Backup {Backup} of restore {Cluster}/{Name} not found, skip deleting the restore files in object storage",
                restore.Spec.BackupName, cluster.Name, name);
            return true;
        }

        var bsl = await new CustomResourceClient<BackupStorageLocation>(cluster.Client).GetAsync(ns, locationName, cancellationToken);
        if (bsl is null || bsl.Spec.AccessMode == BackupStorageLocationAccessMode.ReadOnly)
        {
            logger.LogWarning("Backup storage location {Location} of restore {Cluster}/{Name} is {State}, the restore files are left in place",
                locationName, cluster.Name, name, bsl is null ? "gone" : "read-only");
            return true;
        }

        string? error;
        if (!DeletionRules.IsAvailable(bsl))
        {
            error = $"bsl {locationName} is unavailable, cannot get the backup info";
        }
        else
        {
            var (location, openError) = await StorageLocationOpener.OpenAsync(cluster.Client, stores, ns, locationName, cancellationToken);
            error = openError;
            if (location is not null)
            {
                using (location)
                {
                    try
                    {
                        await ObjectFolders.DeleteAsync(location, BackupLayout.RestorePrefix(name), options.Value.DeleteParallelism,
                            cancellationToken);
                        return true;
                    }
                    catch (ObjectStorageException e)
                    {
                        error = $"can't delete restore files in object storage, backup: {restore.Spec.BackupName}: {MessageSanitizer.Sanitize(e.Message)}";
                    }
                }
            }
        }

        var deletedAt = new DateTimeOffset(DateTime.SpecifyKind(restore.Metadata.DeletionTimestamp!.Value, DateTimeKind.Utc));
        if (time.GetUtcNow() - deletedAt >= options.Value.RestoreCleanupTimeout)
        {
            logger.LogWarning("Restore {Cluster}/{Name} goes after {Timeout} without its files in storage being deleted ({Prefix} left in {Location}): {Reason}",
                cluster.Name, name, options.Value.RestoreCleanupTimeout, BackupLayout.RestorePrefix(name), locationName, error);
            return true;
        }

        logger.LogInformation("fail to delete external resources of restore {Cluster}/{Name}, trying again: {Reason}", cluster.Name, name, error);
        return false;
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.ResyncInterval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var cluster in clusters.Clusters.Where(c => c.State == ClusterState.Available))
            {
                try
                {
                    var list = await new CustomResourceClient<Restore>(cluster.Client).ListAsync(velero.Value.Namespace, cancellationToken: cancellationToken);
                    foreach (var restore in list.Items)
                    {
                        await HandleAsync(cluster, restore, cancellationToken);
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    logger.LogDebug("Listing the restores of cluster {Cluster} failed: {Reason}", cluster.Name, e.Message);
                }
            }
        }
    }
}
