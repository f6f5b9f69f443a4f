using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Velero.Kubernetes.Clusters;

public static class ClusterRegistration
{
    /// <summary>The clusters this process serves, reached in the background (idempotent: roles in one process share it).</summary>
    public static IServiceCollection AddVeleroClusters(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ClusterRegistry)))
        {
            return services;
        }

        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section));
        services.AddOptions<VeleroNamespaceOptions>().Bind(configuration.GetSection(VeleroNamespaceOptions.Section));
        services.AddSingleton<ClusterRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterRegistry>());
        return services;
    }
}
