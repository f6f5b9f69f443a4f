using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Contracts.Restores;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Restores;

/// <summary>
/// Starts accepted restores, per cluster served, oldest first while fewer than <see cref="RestoreOptions.Concurrency"/>
/// run; restores never wait for backups. Each start is one transaction (<c>InProgress</c>, the next attempt, heartbeat
/// now, and <c>RunRestore</c> and <c>RestoreStarted</c> in the outbox), then the resource shows <c>InProgress</c> with its
/// <c>startTimestamp</c>. Woken when a restore is accepted or ends, and every <see cref="RestoreOptions.DispatchInterval"/>.
/// </summary>
internal sealed class RestoreDispatcher(
    ClusterRegistry clusters,
    NpgsqlDataSource dataSource,
    RestoreResourceWriter writer,
    RestoreQueueSignal queue,
    IOptions<RestoreOptions> options,
    TimeProvider time,
    ILogger<RestoreDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var cluster in clusters.Clusters.Where(c => c.State == ClusterState.Available))
            {
                try
                {
                    await DispatchAsync(cluster.Identity!.Id, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    logger.LogWarning("Dispatching the restores of cluster {Cluster} failed: {Reason}", cluster.Name, e.Message);
                }
            }

            await queue.WaitAsync(options.Value.DispatchInterval, time, stoppingToken);
        }
    }

    internal async Task DispatchAsync(string clusterId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (await RestoreClusterLock.AcquireAsync(connection, clusterId, cancellationToken))
        {
            foreach (var uid in await RestoreStore.ReadStartableAsync(connection, clusterId, options.Value.Concurrency, cancellationToken))
            {
                if (await StartAsync(connection, uid, cancellationToken) is { } row)
                {
                    await writer.WriteAsync(row, withDefaults: true, cancellationToken);
                    logger.LogInformation("Restore {Cluster}/{Name} of backup {Backup} started (attempt {Attempt})",
                        row.Cluster.Name, row.Name, row.BackupName, row.Attempt);
                }
            }
        }
    }

    private async Task<RestoreRow?> StartAsync(NpgsqlConnection connection, string uid, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await RestoreStore.ReadAsync(connection, transaction, uid, cancellationToken);
        // The span continues the trace intake ran in; the outbox carries it on to the restorer.
        ActivityContext.TryParse(row?.TraceParent, null, out var parent);
        using var activity = SchedulerTelemetry.Source.StartActivity("restore dispatch", ActivityKind.Producer, parent);
        activity?.SetTag("velero.cluster", row?.Cluster.Name);
        activity?.SetTag("velero.restore.name", row?.Name);
        activity?.SetTag("velero.restore.uid", uid);
        if (row is null || !await RestoreStore.MarkStartedAsync(connection, transaction, uid, now, cancellationToken))
        {
            return null;
        }

        row = await RestoreStore.ReadAsync(connection, transaction, uid, cancellationToken) ?? row;
        await OutboxWriter.EnqueueAsync(connection, transaction, new RunRestore
        {
            Restore = row.Ref,
            BackupName = row.BackupName ?? "",
            StorageLocation = row.StorageLocation ?? "",
            Attempt = row.Attempt,
            RequestedAt = now,
        }, now, cancellationToken);
        await OutboxWriter.EnqueueAsync(connection, transaction, new RestoreStarted
        {
            Restore = row.Ref,
            BackupName = row.BackupName ?? "",
            StorageLocation = row.StorageLocation ?? "",
            StartedAt = now,
        }, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row;
    }
}
