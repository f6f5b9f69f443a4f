using System.Net;
using k8s.Autorest;
using MassTransit;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Status;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;
using Velero.ServiceDefaults.Hosting;

namespace Velero.Scheduler.Status;

/// <summary>
/// Writes a processed status request back to the ServerStatusRequest it came from: phase <c>Processed</c>, the
/// server version and every plugin the running services serve, which is what <c>velero version</c> and
/// <c>velero plugin get</c> read. Writing the same status twice changes nothing.
/// </summary>
internal sealed class ServerStatusCollectedConsumer(NpgsqlDataSource dataSource, ClusterRegistry clusters,
    ServiceIdentity identity, TimeProvider time, ILogger<ServerStatusCollectedConsumer> logger) : IConsumer<ServerStatusCollected>
{
    public async Task Consume(ConsumeContext<ServerStatusCollected> context)
    {
        var collected = context.Message;
        var source = await ServerStatusStore.ReadSourceAsync(dataSource, collected.RequestId, context.CancellationToken);
        if (source is not { } resource)
        {
            return;
        }

        var cluster = clusters.Find(collected.Cluster.Id);
        if (cluster is null)
        {
            logger.LogWarning("Status request {RequestId} is for cluster {Cluster}, which this scheduler does not serve",
                collected.RequestId, collected.Cluster.Name);
            return;
        }

        var status = new ServerStatusRequestStatus
        {
            Phase = ServerStatusRequestPhase.Processed,
            ProcessedTimestamp = time.GetUtcNow().UtcDateTime,
            ServerVersion = identity.Version,
            Plugins = [.. collected.Services.SelectMany(s => s.Plugins).Distinct()
                .OrderBy(p => p.Kind, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new Api.V1.PluginInfo { Name = p.Name, Kind = p.Kind })],
        };
        try
        {
            await new CustomResourceClient<ServerStatusRequest>(cluster.Client)
                .PatchStatusAsync(resource.Namespace, resource.Name, status, context.CancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted before it was answered: nobody is waiting any more.
        }
    }
}
