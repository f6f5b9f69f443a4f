using k8s;
using k8s.Models;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;

namespace Velero.Scheduler.Flow;

/// <summary>
/// Watches one kind of Velero resource (Backups, Restores) in the Velero namespace of every cluster served: a new one is
/// taken in, a deleted one is marked deleted in its record (its history stays). Every cluster's resources are also
/// listed again every <paramref name="resyncInterval"/>, so one whose intake failed (database or cluster briefly away)
/// is taken in later.
/// </summary>
internal abstract class NewResourceWatcher<T>(
    ClusterRegistry clusters,
    string veleroNamespace,
    TimeSpan resyncInterval,
    TimeProvider time,
    ILogger logger) : BackgroundService
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>What the logs call one resource: <c>backup</c>, <c>restore</c>.</summary>
    protected abstract string Noun { get; }

    /// <summary>Whether the resource still waits to be taken in (phase empty or <c>New</c>).</summary>
    protected abstract bool IsNew(T resource);

    protected abstract Task IntakeAsync(ClusterConnection cluster, T resource, CancellationToken cancellationToken);

    protected abstract Task MarkDeletedAsync(string uid, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A resource past <c>New</c>, seen by the watch or a resync (the catalog records one it does not know).</summary>
    protected virtual Task ObserveAsync(ClusterConnection cluster, T resource, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        new ClusterWatches<T>(clusters, veleroNamespace,
            (cluster, _, type, resource, ct) => HandleAsync(cluster, type, resource, ct), time, logger).RunAsync(stoppingToken),
        ResyncAsync(stoppingToken));

    private async Task HandleAsync(ClusterConnection cluster, WatchEventType type, T resource, CancellationToken cancellationToken)
    {
        if (resource.Metadata.Uid is null)
        {
            return;
        }

        try
        {
            if (type is WatchEventType.Deleted)
            {
                await MarkDeletedAsync(resource.Metadata.Uid, time.GetUtcNow(), cancellationToken);
            }
            else if (IsNew(resource))
            {
                await IntakeAsync(cluster, resource, cancellationToken);
            }
            else
            {
                await ObserveAsync(cluster, resource, cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            logger.LogWarning("Taking in {Noun} {Cluster}/{Name} failed, trying again at the next resync: {Reason}",
                Noun, cluster.Name, resource.Metadata.Name, e.Message);
        }
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(resyncInterval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var cluster in clusters.Clusters.Where(c => c.State == ClusterState.Available))
            {
                try
                {
                    var list = await new CustomResourceClient<T>(cluster.Client).ListAsync(veleroNamespace, cancellationToken: cancellationToken);
                    foreach (var resource in list.Items)
                    {
                        await HandleAsync(cluster, WatchEventType.Added, resource, cancellationToken);
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    logger.LogDebug("Listing the {Noun}s of cluster {Cluster} failed: {Reason}", Noun, cluster.Name, e.Message);
                }
            }
        }
    }
}
