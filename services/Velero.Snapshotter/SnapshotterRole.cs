using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Velero.Contracts.Status;
using Velero.ObjectStorage;
using Velero.ServiceDefaults.Hosting;
using Velero.ServiceDefaults.Status;
using Velero.Snapshotter.Messaging;
using Velero.Snapshotter.Collection;

namespace Velero.Snapshotter;

/// <summary>Collects a cluster's resources into Velero's backup tarball and streams it to object storage; takes volume snapshots.</summary>
public sealed class SnapshotterRole : IServiceRole
{
    public string Name => RoleNames.Snapshotter;

    /// <summary>The object stores it writes backups to (upstream's plugin kind <c>ObjectStore</c>).</summary>
    public IReadOnlyList<PluginInfo> Plugins { get; } =
        [new(ProviderNames.Aws, "ObjectStore"), new(ProviderNames.FileSystem, "ObjectStore")];

    public void AddServices(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBackupCollector();
        services.AddOptions<SnapshotterBackupOptions>().BindConfiguration(SnapshotterBackupOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<BackupProgressReporterFactory>();
        services.TryAddSingleton(sp => new ObjectStoreFactory(sp.GetRequiredService<TimeProvider>()));
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddServerStatusResponder<SnapshotterRole>();
        bus.AddConsumer<CollectBackupConsumer, CollectBackupConsumerDefinition>();
    }
}
