using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Contracts.Backups;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Backups;

/// <summary>
/// Starts queued backups, per cluster served, as <see cref="BackupQueuePlanner"/> decides: each in one transaction
/// (<c>InProgress</c>, attempt 1, heartbeat now, and <c>CollectBackup</c> and <c>BackupStarted</c> in the outbox), then
/// written to its resource, and the rest of the queue numbered 1..n again on theirs. Woken when a backup is queued or
/// ends, and every <see cref="BackupOptions.DispatchInterval"/>. Replicas take turns per cluster (<see cref="BackupClusterLock"/>).
/// </summary>
internal sealed class BackupDispatcher(
    ClusterRegistry clusters,
    NpgsqlDataSource dataSource,
    BackupResourceWriter writer,
    BackupQueueSignal queue,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<BackupDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var cluster in clusters.Clusters.Where(c => c.State == ClusterState.Available))
            {
                try
                {
                    await DispatchAsync(cluster, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    logger.LogWarning("Dispatching the backups of cluster {Cluster} failed: {Reason}", cluster.Name, e.Message);
                }
            }

            await queue.WaitAsync(options.Value.DispatchInterval, time, stoppingToken);
        }
    }

    internal async Task DispatchAsync(ClusterConnection cluster, CancellationToken cancellationToken)
    {
        var clusterId = cluster.Identity!.Id;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (await BackupClusterLock.AcquireAsync(connection, clusterId, cancellationToken))
        {
            var backups = await BackupStore.ReadQueueAsync(connection, clusterId, cancellationToken);
            if (backups.All(b => b.Phase != Api.V1.BackupPhase.Queued))
            {
                return;
            }

            var namespaces = await BackupValidationContextReader.ReadNamespacesAsync(cluster.Client, time, cancellationToken);
            var start = BackupQueuePlanner.Plan(backups, options.Value.Concurrency, [.. namespaces.Select(n => n.Name)]);
            var started = new List<BackupRow>();
            foreach (var backup in start)
            {
                if (await StartAsync(connection, backup.Uid, cancellationToken) is { } row)
                {
                    started.Add(row);
                }
            }

            List<string> renumbered;
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                renumbered = await BackupStore.RenumberQueueAsync(connection, transaction, clusterId, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            foreach (var row in started)
            {
                await writer.WriteAsync(row, withDefaults: true, cancellationToken);
                logger.LogInformation("Backup {Cluster}/{Name} started (attempt {Attempt})", cluster.Name, row.Name, row.Attempt);
            }

            foreach (var uid in renumbered)
            {
                if (await BackupStore.ReadAsync(connection, null, uid, cancellationToken) is { } row)
                {
                    await writer.WriteAsync(row, withDefaults: false, cancellationToken);
                }
            }
        }
    }

    private async Task<BackupRow?> StartAsync(NpgsqlConnection connection, string uid, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await BackupStore.ReadAsync(connection, transaction, uid, cancellationToken);
        // The span continues the trace intake ran in; the outbox carries it on to the snapshotter.
        ActivityContext.TryParse(row?.TraceParent, null, out var parent);
        using var activity = SchedulerTelemetry.Source.StartActivity("backup dispatch", ActivityKind.Producer, parent);
        activity?.SetTag("velero.cluster", row?.Cluster.Name);
        activity?.SetTag("velero.backup.name", row?.Name);
        activity?.SetTag("velero.backup.uid", uid);
        if (row is null || !await BackupStore.MarkStartedAsync(connection, transaction, uid, now, cancellationToken))
        {
            return null;
        }

        row = await BackupStore.ReadAsync(connection, transaction, uid, cancellationToken) ?? row;
        await OutboxWriter.EnqueueAsync(connection, transaction, new CollectBackup
        {
            Backup = row.Ref,
            StorageLocation = row.StorageLocation ?? "",
            Attempt = row.Attempt,
            RequestedAt = now,
        }, now, cancellationToken);
        await OutboxWriter.EnqueueAsync(connection, transaction, new BackupStarted
        {
            Backup = row.Ref,
            StorageLocation = row.StorageLocation ?? "",
            StartedAt = now,
        }, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row;
    }
}
