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
                    applied_at timestamptz not null default now())
                """, cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            foreach (var migration in _migrations.Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken);
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
            "insert into schema_migrations (version, name) values (@version, @name)", connection, transaction))
        {
            journal.Parameters.AddWithValue("version", migration.Version);
            journal.Parameters.AddWithValue("name", migration.Name);
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select version from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
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
