namespace Velero.Scheduler.Locations;

/// <summary>A location that cannot be used as configured; the message is fit for its status.</summary>
internal sealed class LocationConfigException(string message) : Exception(message);
