using Velero.Contracts.Clusters;
using Velero.Kubernetes.Clusters;

namespace Velero.ServiceDefaults.Messaging;

/// <summary>Which of a worker's clusters a command is for.</summary>
public static class CommandClusters
{
    /// <summary>
    /// The connection to <paramref name="cluster"/>. A cluster this worker does not know yet (one of its clusters is still
    /// unidentified) throws <see cref="ClusterNotReachableException"/>, so the delivery is retried; one it does not serve at
    /// all throws <see cref="InvalidMessageException"/>, so the command goes to the error queue at once with the reason
    /// instead of holding a consumer slot through every retry. The scheduler fails the work when no worker reports on it.
    /// </summary>
    public static ClusterConnection Connect(ClusterRegistry clusters, ClusterRef cluster, string worker)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(cluster);
        if (clusters.Find(cluster.Id) is { } connection)
        {
            return connection;
        }

        throw clusters.Clusters.Any(c => c.Identity is null)
            ? new ClusterNotReachableException($"cluster {cluster.Name} ({cluster.Id}) is not reachable from this {worker} yet")
            : new InvalidMessageException($"cluster {cluster.Name} ({cluster.Id}) is not served by this {worker}");
    }
}
