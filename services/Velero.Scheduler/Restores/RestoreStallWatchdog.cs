using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api;
using Velero.Api.V1;
using Velero.Contracts.Restores;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Flow;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Restores;

/// <summary>
/// Fails a running restore no restorer has reported on for <see cref="RestoreOptions.StallTimeout"/>: the restorer
/// working on it is gone. This replaces upstream's "mark every InProgress restore Failed at server start" (a scheduler
/// restart does not stop a restorer, so only silence does), and covers restores found running when the scheduler starts.
/// Publishes <c>RestoreFailed</c> through the outbox and writes the resource.
/// </summary>
internal sealed class RestoreStallWatchdog(
    ClusterRegistry clusters,
    NpgsqlDataSource dataSource,
    RestoreResourceWriter writer,
    RestoreQueueSignal queue,
    IOptions<RestoreOptions> options,
    TimeProvider time,
    ILogger<RestoreStallWatchdog> logger) : StallWatchdog(clusters, queue, time, logger, "restores")
{
    internal static string Reason(TimeSpan stallTimeout) =>
        $"restore stalled: no progress reported by a restorer for {GoDuration.Format(stallTimeout)}";

    internal override async Task<int> FailStalledAsync(string clusterId, CancellationToken cancellationToken)
    {
        var stallTimeout = options.Value.StallTimeout;
        var reason = Reason(stallTimeout);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Most ticks find nothing: look before taking the lock that consumers of this cluster wait on.
        if (!await RestoreStore.AnyStalledAsync(connection, clusterId, Time.GetUtcNow() - stallTimeout, cancellationToken))
        {
            return 0;
        }

        await using (await RestoreClusterLock.AcquireAsync(connection, clusterId, cancellationToken))
        {
            var now = Time.GetUtcNow();
            var failed = new List<string>();
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                foreach (var (uid, attempt) in await RestoreStore.LockStalledAsync(connection, transaction, clusterId,
                             now - stallTimeout, cancellationToken))
                {
                    var row = await RestoreStore.ReadAsync(connection, transaction, uid, cancellationToken);
                    ActivityContext.TryParse(row?.TraceParent, null, out var parent);
                    using var activity = SchedulerTelemetry.Source.StartActivity("restore stalled", ActivityKind.Internal, parent);
                    if (row is null || !await RestoreStore.MarkFailedAsync(connection, transaction, uid, attempt, reason, null, now,
                            cancellationToken))
                    {
                        continue;
                    }

                    await OutboxWriter.EnqueueAsync(connection, transaction, new RestoreFailed
                    {
                        Restore = row.Ref,
                        Phase = RestorePhase.Failed,
                        FailureReason = reason,
                        Attempt = attempt,
                        ItemsRestored = row.ProgressRestored ?? 0,
                        FailedAt = now,
                    }, now, cancellationToken);
                    failed.Add(uid);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            foreach (var uid in failed)
            {
                if (await RestoreStore.ReadAsync(connection, null, uid, cancellationToken) is { } row)
                {
                    logger.LogWarning("Restore {Cluster}/{Name} failed: {Reason}", row.Cluster.Name, row.Name, reason);
                    await writer.WriteAsync(row, withDefaults: false, cancellationToken);
                }
            }

            return failed.Count;
        }
    }
}
