using Velero.Kubernetes.Clusters;

namespace Velero.ServiceDefaults.Startup;

/// <summary>
/// A missing kubeconfig or an unknown context is a configuration error that ends start-up with one line.
/// Reaching the clusters is not a start condition: that happens in the background.
/// </summary>
internal sealed class ClusterConfigurationLoaded(ClusterRegistry registry) : IStartupTask
{
    public string Description => "load the cluster configuration";

    public bool IsTransient(Exception exception) => false;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        _ = registry.Clusters;
        return Task.CompletedTask;
    }
}
