namespace Velero.Contracts.Backups;

/// <summary>A backup left the queue and went <c>InProgress</c>: the scheduler dispatched it to a snapshotter.</summary>
public sealed record BackupStarted
{
    public required BackupRef Backup { get; init; }

    public required string StorageLocation { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
}
