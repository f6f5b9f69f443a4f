using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class PodVolumeRestoreStatus
{
    [CrdEnum(typeof(PodVolumeRestorePhase))]
    public string? Phase { get; set; }

    public string? Message { get; set; }

    [CrdNullable]
    public DateTime? StartTimestamp { get; set; }

    [CrdNullable]
    public DateTime? CompletionTimestamp { get; set; }

    public DataMoveOperationProgress? Progress { get; set; }

    [CrdNullable]
    public DateTime? AcceptedTimestamp { get; set; }

    public string? Node { get; set; }
}
