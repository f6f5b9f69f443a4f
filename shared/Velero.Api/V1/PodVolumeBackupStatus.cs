using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class PodVolumeBackupStatus
{
    [CrdEnum(typeof(PodVolumeBackupPhase))]
    public string? Phase { get; set; }

    public string? Path { get; set; }

    public string? SnapshotID { get; set; }

    public string? Message { get; set; }

    [CrdNullable]
    public DateTime? StartTimestamp { get; set; }

    [CrdNullable]
    public DateTime? CompletionTimestamp { get; set; }

    public DataMoveOperationProgress? Progress { get; set; }

    public long? IncrementalBytes { get; set; }

    [CrdNullable]
    public DateTime? AcceptedTimestamp { get; set; }
}
