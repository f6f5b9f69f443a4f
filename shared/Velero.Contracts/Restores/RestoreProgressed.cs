namespace Velero.Contracts.Restores;

/// <summary>
/// How far a running restore is (<c>status.progress</c>). The restorer publishes it at most once a second while items
/// are restored, and at least every heartbeat interval while nothing moves, so a silent restore is a stalled one.
/// </summary>
public sealed record RestoreProgressed
{
    public required RestoreRef Restore { get; init; }

    public required int Attempt { get; init; }

    /// <summary>Items of the backup the restore will consider.</summary>
    public required int TotalItems { get; init; }

    public required int ItemsRestored { get; init; }

    public required DateTimeOffset At { get; init; }
}
