using Npgsql;
using Velero.ServiceDefaults.Startup;

namespace Velero.Scheduler.Persistence;

/// <summary>
/// Applies the embedded migrations before any consumer starts. Replicas starting together serialise on a
/// session advisory lock, so each migration runs exactly once; each runs in its own transaction with its
/// journal row, so a failure leaves the schema at the last complete version.
/// </summary>
internal sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger) : IStartupTask
{
    /// <summary>The advisory lock key all schedulers agree on ("velero" in ASCII).</summary>
    internal const long LockKey = 0x76656c65726f;

    private readonly IReadOnlyList<Migration> _migrations = Migration.LoadEmbedded();

    public string Description => "apply database migrations";

    public bool IsTransient(Exception exception) => PostgresErrors.IsTransient(exception);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "select pg_advisory_lock(@key)", cancellationToken, ("key", LockKey));
        try
        {
            await ExecuteAsync(connection, """
                create table if not exists schema_migrations (
                    version    integer     primary key,
                    name       text        not null,
                    applied_at timestamptz not null default now(),
                    checksum   text)
                """, cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            foreach (var migration in _migrations)
            {
                if (!applied.TryGetValue(migration.Version, out var checksum))
                {
                    await ApplyAsync(connection, migration, cancellationToken);
                }
                else if (checksum is not null && checksum != migration.Checksum)
                {
                    // An applied migration must never change: the database would silently differ from the code.
                    throw new StartupFailedException(
                        $"migration {migration.Version:D4}_{migration.Name} changed after it was applied to this database; add a new migration instead");
                }
            }
        }
        finally
        {
            await ExecuteAsync(connection, "select pg_advisory_unlock(@key)", CancellationToken.None, ("key", LockKey));
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var journal = new NpgsqlCommand(
            "insert into schema_migrations (version, name, checksum) values (@version, @name, @checksum)", connection, transaction))
        {
            journal.Parameters.AddWithValue("version", migration.Version);
            journal.Parameters.AddWithValue("name", migration.Name);
            journal.Parameters.AddWithValue("checksum", migration.Checksum);
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
    }

    private static async Task<Dictionary<int, string?>> AppliedVersionsAsync(NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select version, checksum from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new Dictionary<int, string?>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
