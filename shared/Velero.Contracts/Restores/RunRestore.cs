namespace Velero.Contracts.Restores;

/// <summary>
/// The scheduler tells a restorer that reaches <see cref="RestoreRef.Cluster"/> to apply a backup to it. The Restore
/// resource has been validated, defaulted (excluded non-restorable resources, the schedule's backup resolved into
/// <c>spec.backupName</c>) and moved to <c>InProgress</c>; the restorer reads the spec from the resource and the backup
/// from the named location. Idempotent on the restore's uid and <see cref="Attempt"/>.
/// </summary>
public sealed record RunRestore
{
    public required RestoreRef Restore { get; init; }

    /// <summary>The Backup (in the restore's namespace) whose contents are restored.</summary>
    public required string BackupName { get; init; }

    /// <summary>The BackupStorageLocation the backup is read from and the restore's files are written to.</summary>
    public required string StorageLocation { get; init; }

    /// <summary>1 for the first dispatch; the scheduler raises it when it dispatches the same restore again.</summary>
    public required int Attempt { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}
