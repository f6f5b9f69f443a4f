namespace Velero.Scheduler.Requests;

/// <summary>A request that can never succeed as sent: it is answered with a failure event carrying this reason, never retried.</summary>
internal sealed class RequestRefusedException(string reason) : Exception(reason);
