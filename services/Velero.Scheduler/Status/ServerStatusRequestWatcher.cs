using System.Diagnostics;
using k8s;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Status;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Status;

/// <summary>
/// Turns ServerStatusRequest resources (what <c>velero version</c> creates) in every cluster served into status
/// requests on the bus, and deletes processed ones after their retention, as upstream does.
/// </summary>
internal sealed class ServerStatusRequestWatcher(
    ClusterRegistry clusters,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<StatusOptions> options,
    NpgsqlDataSource dataSource,
    TimeProvider time,
    ILogger<ServerStatusRequestWatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new ClusterWatches<ServerStatusRequest>(clusters, velero.Value.Namespace, HandleAsync, time, logger).RunAsync(stoppingToken);

    private async Task HandleAsync(ClusterConnection cluster, CustomResourceClient<ServerStatusRequest> resources,
        WatchEventType type, ServerStatusRequest request, CancellationToken cancellationToken)
    {
        if (type is WatchEventType.Deleted || request.Metadata.Uid is null)
        {
            return;
        }

        var phase = request.Status?.Phase;
        if (phase is null or ServerStatusRequestPhase.New)
        {
            await RecordAsync(cluster, request, cancellationToken);
        }
        else if (request.Status?.ProcessedTimestamp is { } processed
                 && time.GetUtcNow() - new DateTimeOffset(processed, TimeSpan.Zero) >= options.Value.ProcessedRetention)
        {
            await resources.DeleteAsync(request.Metadata.NamespaceProperty, request.Metadata.Name, cancellationToken);
        }
        else if (request.Status?.ProcessedTimestamp is { } pending)
        {
            // Come back when its retention has run out; a re-list after a restart finds it too.
            var due = new DateTimeOffset(pending, TimeSpan.Zero) + options.Value.ProcessedRetention - time.GetUtcNow();
            _ = DeleteLaterAsync(resources, request, due, cancellationToken);
        }
    }

    private async Task RecordAsync(ClusterConnection cluster, ServerStatusRequest request, CancellationToken cancellationToken)
    {
        using var activity = SchedulerTelemetry.Source.StartActivity("server status request", ActivityKind.Consumer);
        var now = time.GetUtcNow();
        var message = new ServerStatusRequested
        {
            RequestId = RequestIdOf(request),
            Cluster = cluster.Identity!,
            RequestedAt = request.Metadata.CreationTimestamp is { } created ? new DateTimeOffset(created, TimeSpan.Zero) : now,
            RequestedBy = $"ServerStatusRequest {request.Metadata.NamespaceProperty}/{request.Metadata.Name}",
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ServerStatusStore.RecordRequestAsync(connection, transaction, message.RequestId, message.Cluster,
                message.RequestedAt, message.RequestedBy, (request.Metadata.NamespaceProperty, request.Metadata.Name), now,
                cancellationToken))
        {
            await OutboxWriter.EnqueueAsync(connection, transaction, message, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task DeleteLaterAsync(CustomResourceClient<ServerStatusRequest> resources, ServerStatusRequest request,
        TimeSpan due, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(due > TimeSpan.Zero ? due : TimeSpan.Zero, time, cancellationToken);
            await resources.DeleteAsync(request.Metadata.NamespaceProperty, request.Metadata.Name, cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogDebug("Deleting processed ServerStatusRequest {Name} failed: {Reason}", request.Metadata.Name, e.Message);
        }
    }

    /// <summary>The resource's uid is the request id, so watching it twice (a re-list) records it once.</summary>
    internal static Guid RequestIdOf(ServerStatusRequest request) =>
        Guid.TryParse(request.Metadata.Uid, out var id) ? id : new Guid(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(request.Metadata.Uid))[..16]);
}
