using k8s;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Clusters;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;
using Velero.Scheduler.Flow;

namespace Velero.Scheduler.Deletion;

/// <summary>
/// Processes the DeleteBackupRequests of every cluster served (spec 7.2): woken by a watch when one arrives, and every
/// resync interval regardless (failed handling retried, old requests expired, requests left in progress by a stopped
/// replica resumed). One replica at a time processes a cluster's requests, one request at a time, oldest first.
/// </summary>
internal sealed class DeleteBackupRequestController(
    ClusterRegistry clusters,
    NpgsqlDataSource dataSource,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<DeletionOptions> options,
    DeleteBackupRequestProcessor processor,
    DeleteBackupRequestSignal signal,
    TimeProvider time,
    ILogger<DeleteBackupRequestController> logger) : PeriodicClusterWork(clusters, dataSource, time, logger)
{
    /// <summary>"delb".</summary>
    internal const int DeletionLockClass = 0x64656c62;

    private readonly ClusterRegistry _clusters = clusters;

    protected override string Activity => "Processing DeleteBackupRequests";

    protected override int LockClass => DeletionLockClass;

    protected override TimeSpan Interval => options.Value.ResyncInterval;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        new ClusterWatches<DeleteBackupRequest>(_clusters, velero.Value.Namespace, (_, _, type, request, _) =>
        {
            if (type is WatchEventType.Added || (type is WatchEventType.Modified && (request.Status?.Phase ?? "") is "" or DeleteBackupRequestPhase.New))
            {
                signal.Poke();
            }

            return Task.CompletedTask;
        }, Time, logger).RunAsync(stoppingToken),
        RunPassesAsync(stoppingToken));

    private async Task RunPassesAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            await signal.WaitAsync(Interval, Time, stoppingToken);
        }
    }

    protected override async Task RunAsync(ClusterConnection cluster, ClusterRef identity, NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var requests = new CustomResourceClient<DeleteBackupRequest>(cluster.Client);
        var ns = velero.Value.Namespace;
        var listed = await requests.ListAsync(ns, cancellationToken: cancellationToken);
        foreach (var listedRequest in listed.Items.OrderBy(r => r.Metadata.CreationTimestamp).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal))
        {
            try
            {
                // Read again: processing an earlier request may have removed this one (or another replica finished it).
                if (await requests.GetAsync(ns, listedRequest.Metadata.Name, cancellationToken) is { } request)
                {
                    await processor.ProcessAsync(cluster, identity.Id, request, cancellationToken);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                logger.LogWarning("DeleteBackupRequest {Cluster}/{Name} not processed, trying again in {Interval}: {Reason}",
                    cluster.Name, listedRequest.Metadata.Name, Interval, e.Message);
            }
        }
    }
}
