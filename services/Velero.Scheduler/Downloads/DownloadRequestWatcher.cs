using k8s;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;

namespace Velero.Scheduler.Downloads;

/// <summary>
/// Answers the DownloadRequests (what <c>velero backup logs</c>, <c>download</c> and <c>describe --details</c> create)
/// of every cluster served as they arrive, and lists them all again every resync interval, as upstream's periodic
/// enqueue does: expired ones are deleted, unanswered ones tried again.
/// </summary>
internal sealed class DownloadRequestWatcher(
    ClusterRegistry clusters,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<DownloadOptions> options,
    DownloadRequestProcessor processor,
    TimeProvider time,
    ILogger<DownloadRequestWatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        new ClusterWatches<DownloadRequest>(clusters, velero.Value.Namespace,
            (cluster, _, type, request, ct) => type is WatchEventType.Deleted ? Task.CompletedTask : HandleAsync(cluster, request, false, ct),
            time, logger).RunAsync(stoppingToken),
        ResyncAsync(stoppingToken));

    private async Task HandleAsync(ClusterConnection cluster, DownloadRequest request, bool retry, CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessAsync(cluster, request, retry, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            logger.LogWarning("DownloadRequest {Cluster}/{Name} not handled, trying again at the next resync: {Reason}",
                cluster.Name, request.Metadata.Name, e.Message);
        }
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.ResyncInterval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var cluster in clusters.Clusters.Where(c => c.State == ClusterState.Available))
            {
                CustomResourceList<DownloadRequest> list;
                try
                {
                    list = await new CustomResourceClient<DownloadRequest>(cluster.Client)
                        .ListAsync(velero.Value.Namespace, cancellationToken: cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    logger.LogDebug("Listing the DownloadRequests of cluster {Cluster} failed: {Reason}", cluster.Name, e.Message);
                    continue;
                }

                foreach (var request in list.Items)
                {
                    await HandleAsync(cluster, request, true, cancellationToken);
                }
            }
        }
    }
}
