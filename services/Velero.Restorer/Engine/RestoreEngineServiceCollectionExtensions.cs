using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Velero.Restorer.Engine;

/// <summary>Registers the restore engine and its options.</summary>
public static class RestoreEngineServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="RestoreEngine"/> with <see cref="RestoreEngineOptions"/> bound to <c>Restorer:Engine</c> and
    /// validated at start; the system <see cref="TimeProvider"/> is added if none is registered. Restore item actions and
    /// post-restore hooks are whatever is registered as <see cref="Actions.IRestoreItemAction"/> and
    /// <see cref="Actions.IPostRestoreHooks"/>.
    /// </summary>
    public static IServiceCollection AddRestoreEngine(this IServiceCollection services)
    {
        services.AddOptions<RestoreEngineOptions>()
            .BindConfiguration(RestoreEngineOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RestoreEngine(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RestoreEngineOptions>>(),
            sp.GetServices<Actions.IRestoreItemAction>(),
            sp.GetService<Actions.IPostRestoreHooks>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RestoreEngine>>()));
        return services;
    }
}
