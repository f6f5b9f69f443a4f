namespace Velero.Contracts.Restores;

/// <summary>A restore went <c>InProgress</c>: the scheduler dispatched it to a restorer.</summary>
public sealed record RestoreStarted
{
    public required RestoreRef Restore { get; init; }

    public required string BackupName { get; init; }

    public required string StorageLocation { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
}
