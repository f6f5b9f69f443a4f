using Velero.Kubernetes.Clusters;

namespace Velero.Scheduler.Flow;

/// <summary>
/// Looks every second, in every cluster served, for running work no worker has reported on within its stall
/// timeout, and fails it (the worker is gone: killed, its node lost). Backups and restores differ only in what
/// failing means, which <see cref="FailStalledAsync"/> says; the dispatcher is woken when a slot frees.
/// </summary>
internal abstract class StallWatchdog(ClusterRegistry clusters, QueueSignal queue, TimeProvider time, ILogger logger, string kind)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected TimeProvider Time { get; } = time;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var cluster in clusters.Clusters.Where(c => c.Identity is not null))
            {
                try
                {
                    if (await FailStalledAsync(cluster.Identity!.Id, stoppingToken) > 0)
                    {
                        queue.Poke();
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    logger.LogWarning("Looking for stalled {Kind} of cluster {Cluster} failed: {Reason}", kind, cluster.Name, e.Message);
                }
            }
        }
    }

    /// <summary>Fails the stalled work of one cluster; returns how many it failed.</summary>
    internal abstract Task<int> FailStalledAsync(string clusterId, CancellationToken cancellationToken);
}
