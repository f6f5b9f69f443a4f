using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class BackupStatus
{
    /// <summary>Deprecated: see <see cref="FormatVersion"/>.</summary>
    public int? Version { get; set; }

    public string? FormatVersion { get; set; }

    [CrdNullable]
    public DateTime? Expiration { get; set; }

    [CrdEnum(typeof(BackupPhase))]
    public string? Phase { get; set; }

    /// <summary>Position in the backup queue while <see cref="BackupPhase.Queued"/> (1.18).</summary>
    public int? QueuePosition { get; set; }

    [CrdNullable]
    public IList<string>? ValidationErrors { get; set; }

    [CrdNullable]
    public DateTime? StartTimestamp { get; set; }

    [CrdNullable]
    public DateTime? CompletionTimestamp { get; set; }

    public int? VolumeSnapshotsAttempted { get; set; }

    public int? VolumeSnapshotsCompleted { get; set; }

    public string? FailureReason { get; set; }

    public int? Warnings { get; set; }

    public int? Errors { get; set; }

    [CrdNullable]
    public BackupProgress? Progress { get; set; }

    public int? CsiVolumeSnapshotsAttempted { get; set; }

    public int? CsiVolumeSnapshotsCompleted { get; set; }

    public int? BackupItemOperationsAttempted { get; set; }

    public int? BackupItemOperationsCompleted { get; set; }

    public int? BackupItemOperationsFailed { get; set; }

    [CrdNullable]
    public HookStatus? HookStatus { get; set; }
}
