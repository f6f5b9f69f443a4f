using k8s;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;

namespace Velero.Scheduler.Restores;

/// <summary>
/// Watches the Restores in the Velero namespace of every cluster served: a <c>New</c> one (phase empty or <c>New</c>) is
/// taken in, a deleted one is marked deleted in its record (its history stays). Every cluster's Restores are also listed
/// again now and then, so a restore whose intake failed (database or cluster briefly away) is taken in later.
/// </summary>
internal sealed class RestoreWatcher(
    ClusterRegistry clusters,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<RestoreOptions> options,
    RestoreIntake intake,
    RestoreQueueSignal queue,
    NpgsqlDataSource dataSource,
    TimeProvider time,
    ILogger<RestoreWatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        new ClusterWatches<Restore>(clusters, velero.Value.Namespace,
            (cluster, _, type, restore, ct) => HandleAsync(cluster, type, restore, ct), time, logger).RunAsync(stoppingToken),
        ResyncAsync(stoppingToken));

    private async Task HandleAsync(ClusterConnection cluster, WatchEventType type, Restore restore,
        CancellationToken cancellationToken)
    {
        if (restore.Metadata.Uid is null)
        {
            return;
        }

        try
        {
            if (type is WatchEventType.Deleted)
            {
                await RestoreStore.MarkDeletedAsync(dataSource, restore.Metadata.Uid, time.GetUtcNow(), cancellationToken);
                queue.Poke();
            }
            else if (IsNew(restore))
            {
                await intake.IntakeAsync(cluster, restore, cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            logger.LogWarning("Taking in restore {Cluster}/{Name} failed, trying again at the next resync: {Reason}",
                cluster.Name, restore.Metadata.Name, e.Message);
        }
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.ResyncInterval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var cluster in clusters.Clusters.Where(c => c.State == ClusterState.Available))
            {
                try
                {
                    var list = await new CustomResourceClient<Restore>(cluster.Client).ListAsync(velero.Value.Namespace, cancellationToken: cancellationToken);
                    foreach (var restore in list.Items.Where(IsNew))
                    {
                        await HandleAsync(cluster, WatchEventType.Added, restore, cancellationToken);
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    logger.LogDebug("Listing the restores of cluster {Cluster} failed: {Reason}", cluster.Name, e.Message);
                }
            }
        }
    }

    private static bool IsNew(Restore restore) => restore.Status?.Phase is null or "" or RestorePhase.New;
}
