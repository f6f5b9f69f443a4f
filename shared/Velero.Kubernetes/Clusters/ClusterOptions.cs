namespace Velero.Kubernetes.Clusters;

/// <summary>
/// Which clusters this process serves. Section <c>Clusters</c>; environment <c>Clusters__Kubeconfig</c>,
/// <c>Clusters__Contexts__0</c>, ... Without a kubeconfig, a process running in a pod serves its own cluster
/// (in-cluster configuration); elsewhere it serves none. A kubeconfig that merely exists is never used
/// unless named here or in <c>KUBECONFIG</c>.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Clusters";

    /// <summary>Path of the kubeconfig; <c>KUBECONFIG</c> when unset; an empty string means none.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The contexts to serve, each one cluster named after its context; the current context when empty.</summary>
    public List<string> Contexts { get; set; } = [];

    /// <summary>The display name of the in-cluster cluster.</summary>
    public string InClusterName { get; set; } = "in-cluster";

    /// <summary>How often an unreachable cluster is tried again.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt to reach a cluster may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
