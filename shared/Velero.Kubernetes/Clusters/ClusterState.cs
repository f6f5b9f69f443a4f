namespace Velero.Kubernetes.Clusters;

/// <summary>Whether a cluster has been reached, as location phases are named upstream.</summary>
public enum ClusterState
{
    /// <summary>Not tried yet.</summary>
    Pending,

    /// <summary>Reached, and its identity is known.</summary>
    Available,

    /// <summary>The last attempt failed; <see cref="ClusterConnection.Message"/> says why.</summary>
    Unavailable,
}
