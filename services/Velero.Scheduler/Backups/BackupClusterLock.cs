using Npgsql;

namespace Velero.Scheduler.Backups;

/// <summary>
/// Serialises the backup state machine of one cluster across scheduler replicas: intake (queue positions), the
/// dispatcher, consumers and the watchdog each hold it while they change the record and write the Backup resource, so
/// the resource always ends up showing the latest record. A session advisory lock on the caller's connection, keyed by
/// the cluster id.
/// </summary>
internal sealed class BackupClusterLock : IAsyncDisposable
{
    /// <summary>The first key of the two-key advisory lock form: "backup queue" (distinct from the migration lock's key space).</summary>
    internal const int LockClass = 0x62717565;

    private readonly NpgsqlConnection _connection;
    private readonly string _clusterId;

    private BackupClusterLock(NpgsqlConnection connection, string clusterId)
    {
        _connection = connection;
        _clusterId = clusterId;
    }

    public static async Task<BackupClusterLock> AcquireAsync(NpgsqlConnection connection, string clusterId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_advisory_lock(@class, hashtext(@cluster))", connection);
        command.Parameters.AddWithValue("class", LockClass);
        command.Parameters.AddWithValue("cluster", clusterId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new BackupClusterLock(connection, clusterId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            // A broken connection has ended its session, and the lock with it.
            return;
        }

        await using var command = new NpgsqlCommand("select pg_advisory_unlock(@class, hashtext(@cluster))", _connection);
        command.Parameters.AddWithValue("class", LockClass);
        command.Parameters.AddWithValue("cluster", _clusterId);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
