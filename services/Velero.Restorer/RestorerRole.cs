using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Velero.Contracts.Status;
using Velero.ObjectStorage;
using Velero.Restorer.Actions;
using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Engine;
using Velero.Restorer.Hooks;
using Velero.Restorer.Messaging;
using Velero.ServiceDefaults.Hosting;
using Velero.ServiceDefaults.Status;

namespace Velero.Restorer;

/// <summary>Applies a backup to a cluster in Velero's order and semantics, in parallel within a priority group.</summary>
public sealed class RestorerRole : IServiceRole
{
    public string Name => RoleNames.Restorer;

        /// <summary>
    /// The object stores it reads backups from and writes restore files to (upstream's plugin kind <c>ObjectStore</c>),
    /// and its built-in restore item actions (<c>RestoreItemAction</c>), as <c>velero plugin get</c> lists them.
    /// </summary>
    public IReadOnlyList<PluginInfo> Plugins { get; } =
    [
        new(ProviderNames.Aws, "ObjectStore"),
        new(ProviderNames.FileSystem, "ObjectStore"),
        .. BuiltInRestoreItemActions.Create().Select(a => new PluginInfo(a.Name, "RestoreItemAction")),
        new(InitRestoreHookAction.ActionName, "RestoreItemAction"),
    ];

    public void AddServices(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRestoreEngine();
        services.AddBuiltInRestoreItemActions();
        services.AddSingleton<IRestoreItemAction, InitRestoreHookAction>();
        services.AddSingleton<IPostRestoreHooks, PostRestoreHookRunner>();
        services.AddOptions<RestorerRestoreOptions>().BindConfiguration(RestorerRestoreOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<IRestoreRunner, RestoreEngineRunner>();
        services.TryAddSingleton(sp => new ObjectStoreFactory(sp.GetRequiredService<TimeProvider>()));
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddServerStatusResponder<RestorerRole>();
        bus.AddConsumer<RunRestoreConsumer, RunRestoreConsumerDefinition>();
    }
}
