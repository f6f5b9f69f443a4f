using MassTransit;
using Velero.Contracts.Status;
using Velero.ServiceDefaults.Hosting;
using Velero.ServiceDefaults.Status;

namespace Velero.Uploader;

/// <summary>Moves volume data: file-system backup and restore of pod volumes, and snapshot data movement. Runs on every node.</summary>
public sealed class UploaderRole : IServiceRole
{
    public string Name => RoleNames.Uploader;

    public IReadOnlyList<PluginInfo> Plugins { get; } = [];

    public void AddServices(IHostApplicationBuilder builder)
    {
    }

    public void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddServerStatusResponder<UploaderRole>();
}
