namespace Velero.Kubernetes.Locations;

/// <summary>A location that cannot be used as configured; the message is fit for its status.</summary>
public sealed class LocationConfigException(string message) : Exception(message);
