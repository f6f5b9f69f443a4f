namespace Velero.Snapshotter.Messaging;

/// <summary>The command names a cluster this snapshotter cannot reach; the delivery is retried, possibly elsewhere.</summary>
internal sealed class ClusterNotReachableException(string message) : Exception(message);
