namespace Velero.ServiceDefaults.Messaging;

/// <summary>The command names a cluster this worker cannot reach yet; the delivery is retried, possibly elsewhere.</summary>
public sealed class ClusterNotReachableException(string message) : Exception(message);
