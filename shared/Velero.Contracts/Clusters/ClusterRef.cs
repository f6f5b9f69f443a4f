namespace Velero.Contracts.Clusters;

/// <summary>
/// Names the Kubernetes cluster a message is about. <see cref="Id"/> is the uid of the cluster's
/// <c>kube-system</c> namespace: stable for the cluster's life and the same whichever kubeconfig reaches it.
/// <see cref="Name"/> is the display name (the kubeconfig context, or the configured name in-cluster).
/// </summary>
public sealed record ClusterRef
{
    public required string Id { get; init; }

    public required string Name { get; init; }
}
