using Velero.Kubernetes.Clusters;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Scheduler.Requests;

/// <summary>Finds the cluster a request names, by display name or by id.</summary>
internal static class RequestClusters
{
    /// <summary>
    /// The cluster, reachable now. One that is served but not reachable yet (or a name that may belong to a cluster not
    /// identified yet) throws <see cref="ClusterNotReachableException"/> so the delivery is retried, until
    /// <paramref name="lastAttempt"/>, when it refuses the request with the reason instead: a request is never left
    /// unanswered in an error queue.
    /// </summary>
    public static ClusterConnection Resolve(ClusterRegistry clusters, string cluster, bool lastAttempt)
    {
        var match = clusters.Clusters.FirstOrDefault(c => c.Name == cluster || c.Identity?.Id == cluster);
        if (match is { State: ClusterState.Available })
        {
            return match;
        }

        if (match is not null)
        {
            return lastAttempt
                ? throw new RequestRefusedException($"cluster \"{cluster}\" is not reachable: {match.Message}")
                : throw new ClusterNotReachableException($"cluster \"{cluster}\" is not reachable yet: {match.Message}");
        }

        if (!lastAttempt && clusters.Clusters.Any(c => c.Identity is null))
        {
            throw new ClusterNotReachableException($"cluster \"{cluster}\" may be one not reached yet");
        }

        var served = clusters.Clusters.Select(c => c.Name).ToList();
        throw new RequestRefusedException(
            $"cluster \"{cluster}\" is not served by this platform (served: {(served.Count == 0 ? "none" : string.Join(", ", served))})");
    }
}
