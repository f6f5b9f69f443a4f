namespace Velero.Contracts.Backups;

/// <summary>
/// A backup is in object storage, complete: its <c>velero-backup.json</c>, written last, carries the same status.
/// <see cref="Phase"/> is <c>Completed</c>, or <c>PartiallyFailed</c> when any error was logged (a failed hook, an
/// item that could not be read).
/// </summary>
public sealed record BackupCompleted
{
    public required BackupRef Backup { get; init; }

    public required int Attempt { get; init; }

    /// <summary><c>Completed</c> or <c>PartiallyFailed</c>.</summary>
    public required string Phase { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    public required int TotalItems { get; init; }

    public required int ItemsBackedUp { get; init; }

    public required int Warnings { get; init; }

    public required int Errors { get; init; }

    public required int HooksAttempted { get; init; }

    public required int HooksFailed { get; init; }

    /// <summary>Size of the resource tarball as stored, in bytes.</summary>
    public required long TarballBytes { get; init; }
}
