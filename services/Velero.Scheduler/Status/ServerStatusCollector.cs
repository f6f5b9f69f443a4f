using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Velero.Scheduler.Status;

/// <summary>Processes status requests whose collection window ran out before every role answered.</summary>
internal sealed class ServerStatusCollector(NpgsqlDataSource dataSource, IOptions<StatusOptions> options, TimeProvider time,
    ILogger<ServerStatusCollector> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CloseExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning("Closing expired status requests failed: {Reason}", e.Message);
            }
        }
    }

    internal async Task<int> CloseExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var expired = await ServerStatusStore.LockExpiredAsync(connection, transaction, now - options.Value.CollectionWindow,
            cancellationToken);
        foreach (var request in expired)
        {
            ActivityContext.TryParse(request.TraceParent, null, out var parent);
            using var activity = SchedulerTelemetry.Source.StartActivity("server status window closed", ActivityKind.Internal, parent);
            await ServerStatusCloser.CloseAsync(connection, transaction, request.RequestId, request.Cluster, null,
                options.Value.ExpectedRoles, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return expired.Count;
    }
}
