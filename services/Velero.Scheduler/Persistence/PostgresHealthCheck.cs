using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Velero.Scheduler.Persistence;

/// <summary>Readiness: the scheduler cannot record anything while its database is away.</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable: " + e.Message);
        }
    }
}
