namespace Velero.ServiceDefaults.Messaging;

/// <summary>
/// A message that can never be processed (missing or malformed fields). It is not retried: it goes straight to
/// the endpoint's error queue, with this message as the fault reason operators see.
/// </summary>
public sealed class InvalidMessageException(string message) : Exception(message);
