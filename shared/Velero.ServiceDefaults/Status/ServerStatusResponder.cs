using MassTransit;
using Velero.Contracts.Status;
using Velero.Kubernetes.Clusters;
using Velero.ServiceDefaults.Hosting;

namespace Velero.ServiceDefaults.Status;

/// <summary>
/// Answers a server-status request for one role. Every role has its own queue for it, so each running role
/// answers once; replicas of a role compete on that queue.
/// </summary>
public sealed class ServerStatusResponder<TRole>(TRole role, ServiceIdentity identity, ClusterRegistry clusters, TimeProvider time)
    : IConsumer<ServerStatusRequested>
    where TRole : IServiceRole
{
    public Task Consume(ConsumeContext<ServerStatusRequested> context) =>
        context.Publish(new ServerStatusReported
        {
            RequestId = context.Message.RequestId,
            Cluster = context.Message.Cluster,
            Service = role.Name,
            Instance = identity.Instance,
            Version = identity.Version,
            Plugins = role.Plugins,
            ReportedAt = time.GetUtcNow(),
            Clusters = clusters.Available,
        });
}
