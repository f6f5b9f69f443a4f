using k8s;
using Velero.Contracts.Clusters;

namespace Velero.Kubernetes.Clusters;

/// <summary>
/// One cluster this process serves: its client, and once reached, its identity. Identity is the uid of the
/// <c>kube-system</c> namespace, which stays the same whichever kubeconfig, context or address reaches the
/// cluster, so every service agrees on it.
/// </summary>
public sealed class ClusterConnection(string name, IKubernetes client)
{
    private volatile Snapshot _snapshot = new(ClusterState.Pending, null, "not reached yet");

    /// <summary>The display name: the kubeconfig context, or the in-cluster name.</summary>
    public string Name { get; } = name;

    public IKubernetes Client { get; } = client;

    public ClusterState State => _snapshot.State;

    /// <summary>Set once the cluster has been reached.</summary>
    public ClusterRef? Identity => _snapshot.Identity;

    /// <summary>Why the cluster is unavailable (no credentials in it).</summary>
    public string Message => _snapshot.Message;

    internal void Reached(string kubeSystemUid) =>
        _snapshot = new Snapshot(ClusterState.Available, new ClusterRef { Id = kubeSystemUid, Name = Name }, "");

    // The identity stays known while a cluster is briefly away: it does not change.
    internal void Failed(string message) => _snapshot = _snapshot with { State = ClusterState.Unavailable, Message = message };

    private sealed record Snapshot(ClusterState State, ClusterRef? Identity, string Message);
}
