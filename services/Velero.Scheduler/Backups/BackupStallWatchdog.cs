using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Flow;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Backups;

/// <summary>
/// Fails a running backup no snapshotter has reported on for <see cref="BackupOptions.StallTimeout"/>: the snapshotter
/// working on it is gone (killed, its node lost), and a backup is never resumed (upstream fails in-flight backups at
/// start-up for the same reason). Publishes <c>BackupFailed</c> through the outbox and writes the resource.
/// </summary>
internal sealed class BackupStallWatchdog(
    ClusterRegistry clusters,
    NpgsqlDataSource dataSource,
    BackupResourceWriter writer,
    BackupQueueSignal queue,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<BackupStallWatchdog> logger) : StallWatchdog(clusters, queue, time, logger, "backups")
{
    internal override async Task<int> FailStalledAsync(string clusterId, CancellationToken cancellationToken)
    {
        var stallTimeout = options.Value.StallTimeout;
        var reason = $"backup stalled: no progress reported by a snapshotter for {GoDuration.Format(stallTimeout)}";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Most ticks find nothing: look before taking the lock that consumers of this cluster wait on.
        if (!await BackupStore.AnyStalledAsync(connection, clusterId, Time.GetUtcNow() - stallTimeout, cancellationToken))
        {
            return 0;
        }

        await using (await BackupClusterLock.AcquireAsync(connection, clusterId, cancellationToken))
        {
            var now = Time.GetUtcNow();
            var failed = new List<string>();
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                foreach (var (uid, attempt) in await BackupStore.LockStalledAsync(connection, transaction, clusterId,
                             now - stallTimeout, cancellationToken))
                {
                    var row = await BackupStore.ReadAsync(connection, transaction, uid, cancellationToken);
                    ActivityContext.TryParse(row?.TraceParent, null, out var parent);
                    using var activity = SchedulerTelemetry.Source.StartActivity("backup stalled", ActivityKind.Internal, parent);
                    if (row is null || !await BackupStore.MarkFailedAsync(connection, transaction, uid, attempt, reason, now,
                            cancellationToken))
                    {
                        continue;
                    }

                    await OutboxWriter.EnqueueAsync(connection, transaction, new BackupFailed
                    {
                        Backup = row.Ref,
                        Phase = BackupPhase.Failed,
                        FailureReason = reason,
                        Attempt = attempt,
                        FailedAt = now,
                    }, now, cancellationToken);
                    failed.Add(uid);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            foreach (var uid in failed)
            {
                if (await BackupStore.ReadAsync(connection, null, uid, cancellationToken) is { } row)
                {
                    logger.LogWarning("Backup {Cluster}/{Name} failed: {Reason}", row.Cluster.Name, row.Name, reason);
                    await writer.WriteAsync(row, withDefaults: false, cancellationToken);
                }
            }

            return failed.Count;
        }
    }
}
