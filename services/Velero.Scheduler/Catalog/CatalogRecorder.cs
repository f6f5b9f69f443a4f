using System.Collections.Concurrent;
using Npgsql;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Backups;

namespace Velero.Scheduler.Catalog;

/// <summary>
/// Puts every Backup the watcher sees into the catalog, whoever made it: one that ended or runs elsewhere is recorded
/// as it is (origin <c>cluster</c>), and one waiting in a queue the catalog has no record of (its record lost) is taken
/// in again as a new one, since nothing else would ever start it.
/// </summary>
internal sealed class CatalogRecorder(NpgsqlDataSource dataSource, BackupIntake intake, TimeProvider time, ILogger<CatalogRecorder> logger)
{
    // Uids known to be recorded: every status change of every backup comes through here, and most are known.
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public async Task ObserveAsync(ClusterConnection cluster, Backup backup, CancellationToken cancellationToken)
    {
        var uid = backup.Metadata.Uid;
        if (uid is null || cluster.Identity is not { } identity || _known.ContainsKey(uid))
        {
            return;
        }

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (await CatalogStore.KnowsBackupAsync(connection, uid, cancellationToken))
            {
                _known[uid] = true;
                return;
            }

            if (backup.Status?.Phase is not (BackupPhase.Queued or BackupPhase.ReadyToStart))
            {
                await CatalogStore.RecordBackupAsync(connection, identity, backup, uid, CatalogOrigin.Cluster, time.GetUtcNow(),
                    cancellationToken);
                _known[uid] = true;
                logger.LogInformation("Backup {Cluster}/{Name} recorded in the catalog as found, {Phase}", identity.Name,
                    backup.Metadata.Name, backup.Status?.Phase);
                return;
            }
        }

        logger.LogInformation("Backup {Cluster}/{Name} is {Phase} without a record: taking it in again", identity.Name,
            backup.Metadata.Name, backup.Status?.Phase);
        await intake.IntakeAsync(cluster, backup, cancellationToken);
        _known[uid] = true;
    }

    /// <summary>Sync created it: recorded with origin <c>sync</c> (or re-labelled so, if the watcher was quicker).</summary>
    public async Task RecordSyncedAsync(ClusterConnection cluster, Backup created, CancellationToken cancellationToken)
    {
        if (created.Metadata.Uid is not { } uid || cluster.Identity is not { } identity)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await CatalogStore.RecordBackupAsync(connection, identity, created, uid, CatalogOrigin.Sync, time.GetUtcNow(), cancellationToken);
        _known[uid] = true;
    }
}
