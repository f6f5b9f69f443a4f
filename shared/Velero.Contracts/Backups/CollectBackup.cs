namespace Velero.Contracts.Backups;

/// <summary>
/// The scheduler tells a snapshotter that reaches <see cref="BackupRef.Cluster"/> to collect a backup whose Backup
/// resource it has validated, defaulted and moved to <c>InProgress</c>. The snapshotter reads the spec from the
/// resource and the location from the cluster; the message carries references only. Idempotent on the backup's uid
/// and <see cref="Attempt"/>: a redelivered command never writes a second backup.
/// </summary>
public sealed record CollectBackup
{
    public required BackupRef Backup { get; init; }

    /// <summary>The BackupStorageLocation (in the backup's namespace) the backup goes to.</summary>
    public required string StorageLocation { get; init; }

    /// <summary>1 for the first dispatch; the scheduler raises it when it dispatches the same backup again.</summary>
    public required int Attempt { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}
