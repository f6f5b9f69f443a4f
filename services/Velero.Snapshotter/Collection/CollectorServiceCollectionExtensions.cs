using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Velero.Snapshotter.Collection;

/// <summary>Registers the backup collector and its options.</summary>
public static class CollectorServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="BackupCollector"/> with <see cref="CollectorOptions"/> bound to <c>Snapshotter:Collection</c> and
    /// validated at start; the system <see cref="TimeProvider"/> is added if none is registered.
    /// </summary>
    public static IServiceCollection AddBackupCollector(this IServiceCollection services)
    {
        services.AddOptions<CollectorOptions>()
            .BindConfiguration(CollectorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BackupCollector>();
        return services;
    }
}
