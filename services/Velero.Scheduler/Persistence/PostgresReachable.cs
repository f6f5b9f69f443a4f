using Npgsql;
using Velero.ServiceDefaults.Startup;

namespace Velero.Scheduler.Persistence;

/// <summary>The scheduler's system of record must answer before it starts.</summary>
internal sealed class PostgresReachable(NpgsqlDataSource dataSource) : IStartupTask
{
    public string Description
    {
        get
        {
            var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            return $"reach PostgreSQL at {settings.Host}:{settings.Port}/{settings.Database}";
        }
    }

    public bool IsTransient(Exception exception) => PostgresErrors.IsTransient(exception);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
