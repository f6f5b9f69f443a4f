using MassTransit;
using Velero.ServiceDefaults.Hosting;

namespace Velero.ServiceDefaults.Status;

/// <summary>Queue <c>&lt;role&gt;-server-status</c>, one per role.</summary>
public sealed class ServerStatusResponderDefinition<TRole> : ConsumerDefinition<ServerStatusResponder<TRole>>
    where TRole : IServiceRole, new()
{
    public ServerStatusResponderDefinition() => EndpointName = $"{new TRole().Name}-server-status";
}
