using k8s.Models;

namespace Velero.Kubernetes.Exec;

/// <summary>A container's state as the pod's <c>status.containerStatuses</c> reports it, for deciding when a command can run in it.</summary>
public static class ContainerState
{
    /// <summary>Whether the container is running (<c>state.running</c> set).</summary>
    public static bool IsRunning(V1Pod pod, string container) => Status(pod, container)?.State?.Running is not null;

    /// <summary>Whether the container is ready (passes its readiness probe, or runs without one).</summary>
    public static bool IsReady(V1Pod pod, string container) => Status(pod, container)?.Ready == true;

    private static V1ContainerStatus? Status(V1Pod pod, string container)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == container);
    }
}
