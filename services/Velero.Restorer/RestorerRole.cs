using MassTransit;
using Velero.Contracts.Status;
using Velero.ServiceDefaults.Hosting;
using Velero.ServiceDefaults.Status;

namespace Velero.Restorer;

/// <summary>Applies a backup to a cluster in Velero's order and semantics, in parallel within a priority group.</summary>
public sealed class RestorerRole : IServiceRole
{
    public string Name => RoleNames.Restorer;

    public IReadOnlyList<PluginInfo> Plugins { get; } = [];

    public void AddServices(IHostApplicationBuilder builder)
    {
    }

    public void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddServerStatusResponder<RestorerRole>();
}
