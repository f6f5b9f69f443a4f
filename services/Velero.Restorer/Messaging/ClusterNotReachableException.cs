namespace Velero.Restorer.Messaging;

/// <summary>The command names a cluster this restorer cannot reach yet; the delivery is retried, possibly elsewhere.</summary>
internal sealed class ClusterNotReachableException(string message) : Exception(message);
