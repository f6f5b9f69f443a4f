using Npgsql;
using Velero.Contracts.Clusters;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Persistence;

namespace Velero.Scheduler.Flow;

/// <summary>
/// Work done for every cluster served at a steady interval (schedules, garbage collection, deletion, backup sync), by
/// one scheduler replica at a time: each pass takes a per-cluster advisory lock of its own <see cref="LockClass"/> without
/// waiting, and a replica that finds it taken leaves that cluster to the holder for this pass. A failing cluster is
/// logged and tried again at the next pass; it never stops the others.
/// </summary>
internal abstract class PeriodicClusterWork(
    ClusterRegistry clusters,
    NpgsqlDataSource dataSource,
    TimeProvider time,
    ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>What the logs call this work: <c>running schedules</c>, <c>collecting expired backups</c>.</summary>
    protected abstract string Activity { get; }

    /// <summary>The first key of the two-key advisory lock: distinct for every kind of work.</summary>
    protected abstract int LockClass { get; }

    /// <summary>How long to wait between passes.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass over one cluster, holding its lock; <paramref name="connection"/> is the lock's session.</summary>
    protected abstract Task RunAsync(ClusterConnection cluster, ClusterRef identity, NpgsqlConnection connection,
        CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every available cluster (tests call it directly, driving the clock themselves).</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var cluster in clusters.Clusters.Where(c => c.State == ClusterState.Available && c.Identity is not null))
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var held = await ClusterLock.TryAcquireAsync(connection, LockClass, cluster.Identity!.Id, cancellationToken);
                if (held is not null)
                {
                    await RunAsync(cluster, cluster.Identity, connection, cancellationToken);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                logger.LogWarning("{Activity} for cluster {Cluster} failed, trying again in {Interval}: {Reason}",
                    Activity, cluster.Name, Interval, e.Message);
            }
        }
    }
}
