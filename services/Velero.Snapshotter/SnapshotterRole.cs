using MassTransit;
using Velero.Contracts.Status;
using Velero.ServiceDefaults.Hosting;
using Velero.ServiceDefaults.Status;

namespace Velero.Snapshotter;

/// <summary>Collects a cluster's resources into Velero's backup tarball and streams it to object storage; takes volume snapshots.</summary>
public sealed class SnapshotterRole : IServiceRole
{
    public string Name => RoleNames.Snapshotter;

    public IReadOnlyList<PluginInfo> Plugins { get; } = [];

    public void AddServices(IHostApplicationBuilder builder)
    {
    }

    public void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddServerStatusResponder<SnapshotterRole>();
}
