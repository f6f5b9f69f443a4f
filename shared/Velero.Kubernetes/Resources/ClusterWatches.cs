using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Velero.Kubernetes.Clusters;

namespace Velero.Kubernetes.Resources;

/// <summary>
/// One <see cref="ResourceWatch{T}"/> per cluster served, each started once its cluster has been reached (its identity
/// names what the handler records) and kept until the process stops. A cluster reached later gets its watch then.
/// </summary>
public sealed class ClusterWatches<T>(
    ClusterRegistry clusters,
    string @namespace,
    Func<ClusterConnection, CustomResourceClient<T>, WatchEventType, T, CancellationToken, Task> handle,
    TimeProvider time,
    ILogger logger)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan SupervisionInterval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watches = new Dictionary<ClusterConnection, Task>();
        using var timer = new PeriodicTimer(SupervisionInterval, time);
        try
        {
            do
            {
                foreach (var cluster in clusters.Clusters.Where(c => c.Identity is not null && !watches.ContainsKey(c)))
                {
                    var resources = new CustomResourceClient<T>(cluster.Client);
                    var watch = new ResourceWatch<T>(resources, @namespace,
                        (type, resource, ct) => handle(cluster, resources, type, resource, ct), time, logger);
                    watches[cluster] = watch.RunAsync(cancellationToken);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        finally
        {
            await Task.WhenAll(watches.Values).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
