using Npgsql;
using Velero.Scheduler.Persistence;

namespace Velero.Scheduler.Backups;

/// <summary>
/// Serialises the backup state machine of one cluster across scheduler replicas: intake (queue positions), the
/// dispatcher, consumers and the watchdog each hold it while they change the record and write the Backup resource, so
/// the resource always ends up showing the latest record.
/// </summary>
internal static class BackupClusterLock
{
    /// <summary>The first key of the two-key advisory lock form: "backup queue" (distinct from the migration lock's key space).</summary>
    internal const int LockClass = 0x62717565;

    public static Task<ClusterLock> AcquireAsync(NpgsqlConnection connection, string clusterId, CancellationToken cancellationToken) =>
        ClusterLock.AcquireAsync(connection, LockClass, clusterId, cancellationToken);
}
