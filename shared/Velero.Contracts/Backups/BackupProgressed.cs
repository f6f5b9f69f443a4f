namespace Velero.Contracts.Backups;

/// <summary>
/// How far a running backup is (<c>status.progress</c>). The snapshotter publishes it at most once a second while
/// items move, and at least every heartbeat interval while nothing does, so a silent backup is a stalled one.
/// </summary>
public sealed record BackupProgressed
{
    public required BackupRef Backup { get; init; }

    public required int Attempt { get; init; }

    /// <summary>Items found so far (grows while the collector is still listing).</summary>
    public required int TotalItems { get; init; }

    public required int ItemsBackedUp { get; init; }

    public required DateTimeOffset At { get; init; }
}
