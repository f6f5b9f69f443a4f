using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Clusters;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Locations;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;
using Velero.Scheduler.Persistence;
using Velero.Scheduler.Sync;

namespace Velero.Scheduler.Catalog;

/// <summary>
/// <c>velero catalog rebuild</c>: brings a lost, empty or partial catalog back from what outlives it. Every Backup and
/// Restore resource of each cluster is recorded, and every backup a cluster's storage locations hold that is not a
/// resource there (origin <c>storage</c>). Nothing in a cluster or a location is changed, and a record that exists is
/// never overwritten, so it is safe against a live database and safe to run again.
/// </summary>
public sealed class CatalogRebuild(NpgsqlDataSource dataSource, ObjectStoreFactory stores, TimeProvider time)
{
    /// <summary>Applies the migrations the catalog needs (an empty database gets the whole schema).</summary>
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).RunAsync(cancellationToken);

    /// <summary>Records what <paramref name="cluster"/> (already reached, so its identity is known) and its locations hold.</summary>
    public async Task RecordClusterAsync(ClusterConnection cluster, string veleroNamespace, CatalogRebuildResult result,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(result);
        var identity = cluster.Identity ?? throw new InvalidOperationException($"cluster {cluster.Name} has not been reached");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var backups = (await new CustomResourceClient<Backup>(cluster.Client).ListAsync(veleroNamespace, cancellationToken: cancellationToken)).Items;
        foreach (var backup in backups.Where(b => b.Metadata.Uid is not null))
        {
            if (backup.Status?.Phase is null or "" or BackupPhase.New or BackupPhase.Queued or BackupPhase.ReadyToStart)
            {
                // Not started: a record without the validated spec would be dispatched half-made; intake makes it whole.
                result.BackupsLeftToScheduler++;
                continue;
            }

            Count(result, await CatalogStore.RecordBackupAsync(connection, identity, backup, backup.Metadata.Uid, CatalogOrigin.Cluster,
                time.GetUtcNow(), cancellationToken));
        }

        var restores = (await new CustomResourceClient<Restore>(cluster.Client).ListAsync(veleroNamespace, cancellationToken: cancellationToken)).Items;
        foreach (var restore in restores.Where(r => r.Metadata.Uid is not null && r.Status?.Phase is RestorePhase.FailedValidation
                     or RestorePhase.InProgress or RestorePhase.Completed or RestorePhase.PartiallyFailed or RestorePhase.Failed))
        {
            if (await CatalogStore.RecordRestoreAsync(connection, identity, restore, time.GetUtcNow(), cancellationToken))
            {
                result.RestoresRecorded++;
            }
        }

        var inCluster = backups.Select(b => b.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        var locations = (await new CustomResourceClient<BackupStorageLocation>(cluster.Client).ListAsync(veleroNamespace,
            cancellationToken: cancellationToken)).Items;
        foreach (var location in SyncSchedule.Order(locations))
        {
            try
            {
                await RecordStoredAsync(connection, cluster, identity, location, veleroNamespace, inCluster, result, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                result.Problems.Add($"location {cluster.Name}/{location.Metadata.Name}: {MessageSanitizer.Sanitize(e.Message)}");
            }
        }
    }

    private async Task RecordStoredAsync(NpgsqlConnection connection, ClusterConnection cluster, ClusterRef identity,
        BackupStorageLocation location, string veleroNamespace, HashSet<string> inCluster, CatalogRebuildResult result,
        CancellationToken cancellationToken)
    {
        var config = await LocationConfigReader.ReadAsync(cluster.Client, location, cancellationToken);
        using var store = stores.Create(config);
        foreach (var name in (await StoredBackups.ListNamesAsync(store, cancellationToken)).Where(n => !inCluster.Contains(n)).Order(StringComparer.Ordinal))
        {
            if (await StoredBackups.ReadAsync(store, name, cancellationToken) is not { } stored)
            {
                continue;
            }

            // A backup that never had a uid (hand-made) still gets one record per location.
            var uid = stored.Metadata.Uid ?? $"storage:{identity.Id}/{location.Metadata.Name}/{name}";
            stored.Metadata.NamespaceProperty = veleroNamespace;
            stored.Spec.StorageLocation = location.Metadata.Name;
            if (await CatalogStore.RecordBackupAsync(connection, identity, stored, uid, CatalogOrigin.Storage, time.GetUtcNow(),
                    cancellationToken))
            {
                result.StoredBackupsRecorded++;
            }
            else
            {
                result.BackupsKnown++;
            }
        }
    }

    private static void Count(CatalogRebuildResult result, bool recorded)
    {
        if (recorded)
        {
            result.BackupsRecorded++;
        }
        else
        {
            result.BackupsKnown++;
        }
    }
}
