using k8s;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;

namespace Velero.Scheduler.Backups;

/// <summary>
/// Watches the Backups in the Velero namespace of every cluster served: a <c>New</c> one (phase empty or <c>New</c>) is
/// taken in, a deleted one is marked deleted in its record (its history stays). Every cluster's Backups are also listed
/// again now and then, so a backup whose intake failed (database or cluster briefly away) is taken in later.
/// </summary>
internal sealed class BackupWatcher(
    ClusterRegistry clusters,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<BackupOptions> options,
    BackupIntake intake,
    BackupQueueSignal queue,
    NpgsqlDataSource dataSource,
    TimeProvider time,
    ILogger<BackupWatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        new ClusterWatches<Backup>(clusters, velero.Value.Namespace,
            (cluster, _, type, backup, ct) => HandleAsync(cluster, type, backup, ct), time, logger).RunAsync(stoppingToken),
        ResyncAsync(stoppingToken));

    private async Task HandleAsync(ClusterConnection cluster, WatchEventType type, Backup backup,
        CancellationToken cancellationToken)
    {
        if (backup.Metadata.Uid is null)
        {
            return;
        }

        try
        {
            if (type is WatchEventType.Deleted)
            {
                await BackupStore.MarkDeletedAsync(dataSource, backup.Metadata.Uid, time.GetUtcNow(), cancellationToken);
                queue.Poke();
            }
            else if (IsNew(backup))
            {
                await intake.IntakeAsync(cluster, backup, cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            logger.LogWarning("Taking in backup {Cluster}/{Name} failed, trying again at the next resync: {Reason}",
                cluster.Name, backup.Metadata.Name, e.Message);
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
                    var list = await new CustomResourceClient<Backup>(cluster.Client).ListAsync(velero.Value.Namespace, cancellationToken: cancellationToken);
                    foreach (var backup in list.Items.Where(IsNew))
                    {
                        await HandleAsync(cluster, WatchEventType.Added, backup, cancellationToken);
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    logger.LogDebug("Listing the backups of cluster {Cluster} failed: {Reason}", cluster.Name, e.Message);
                }
            }
        }
    }

    private static bool IsNew(Backup backup) => backup.Status?.Phase is null or "" or BackupPhase.New;
}
