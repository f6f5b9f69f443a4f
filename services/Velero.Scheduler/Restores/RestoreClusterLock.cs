using Npgsql;
using Velero.Scheduler.Persistence;

namespace Velero.Scheduler.Restores;

/// <summary>
/// The restore state machine of one cluster, across replicas: intake, the dispatcher, consumers and the watchdog hold it
/// while they change a restore's record and write its resource. Apart from the backups' lock: restores never wait for
/// backups.
/// </summary>
internal static class RestoreClusterLock
{
    /// <summary>The first key of the two-key advisory lock form: "rest" (distinct from the backup and migration keys).</summary>
    internal const int LockClass = 0x72657374;

    public static Task<ClusterLock> AcquireAsync(NpgsqlConnection connection, string clusterId, CancellationToken cancellationToken) =>
        ClusterLock.AcquireAsync(connection, LockClass, clusterId, cancellationToken);
}
