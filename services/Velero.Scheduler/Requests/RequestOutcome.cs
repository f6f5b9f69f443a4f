namespace Velero.Scheduler.Requests;

/// <summary>How a request ended: its resource (new, or the one an earlier delivery created), or the reason it was refused.</summary>
internal sealed record RequestOutcome
{
    /// <summary>Set when the request was refused.</summary>
    public string? Reason { get; init; }

    /// <summary>Set when the request has its resource: the row names it.</summary>
    public RequestRow? Request { get; init; }

    /// <summary>An earlier delivery of the request created the resource; this one created nothing.</summary>
    public bool Repeated { get; init; }

    /// <summary>The resource's phase as recorded, for a repeat; null when the scheduler has not taken it in yet.</summary>
    public string? Phase { get; init; }

    public static RequestOutcome Refused(string reason) => new() { Reason = reason };
}
