namespace Velero.Scheduler.Requests;

/// <summary>What a request creates, as stored in <c>requests.kind</c> and named in reasons.</summary>
internal static class RequestKind
{
    public const string Backup = "Backup";

    public const string Restore = "Restore";
}
