using MassTransit;
using Velero.ServiceDefaults.Hosting;

namespace Velero.ServiceDefaults.Status;

public static class ServerStatusRegistration
{
    /// <summary>Makes the role answer server-status requests on its own queue.</summary>
    public static void AddServerStatusResponder<TRole>(this IBusRegistrationConfigurator bus)
        where TRole : IServiceRole, new() =>
        bus.AddConsumer<ServerStatusResponder<TRole>, ServerStatusResponderDefinition<TRole>>();
}
