using Npgsql;

namespace Velero.Scheduler.Persistence;

/// <summary>
/// Serialises one state machine of one cluster across scheduler replicas: a session advisory lock on the caller's
/// connection, keyed by a class (which state machine) and the cluster id. Whoever holds it changes the record and writes
/// the resource, so the resource always ends up showing the latest record.
/// </summary>
internal sealed class ClusterLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly int _lockClass;
    private readonly string _clusterId;

    private ClusterLock(NpgsqlConnection connection, int lockClass, string clusterId)
    {
        _connection = connection;
        _lockClass = lockClass;
        _clusterId = clusterId;
    }

    public static async Task<ClusterLock> AcquireAsync(NpgsqlConnection connection, int lockClass, string clusterId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_advisory_lock(@class, hashtext(@cluster))", connection);
        command.Parameters.AddWithValue("class", lockClass);
        command.Parameters.AddWithValue("cluster", clusterId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new ClusterLock(connection, lockClass, clusterId);
    }

    /// <summary>Takes the lock if no other session holds it; <c>null</c> when one does (another replica is at the work).</summary>
    public static async Task<ClusterLock?> TryAcquireAsync(NpgsqlConnection connection, int lockClass, string clusterId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@class, hashtext(@cluster))", connection);
        command.Parameters.AddWithValue("class", lockClass);
        command.Parameters.AddWithValue("cluster", clusterId);
        return await command.ExecuteScalarAsync(cancellationToken) is true ? new ClusterLock(connection, lockClass, clusterId) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            // A broken connection has ended its session, and the lock with it.
            return;
        }

        await using var command = new NpgsqlCommand("select pg_advisory_unlock(@class, hashtext(@cluster))", _connection);
        command.Parameters.AddWithValue("class", _lockClass);
        command.Parameters.AddWithValue("cluster", _clusterId);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
