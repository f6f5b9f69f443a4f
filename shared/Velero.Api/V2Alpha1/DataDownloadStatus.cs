using Velero.Api.Crds;
using Velero.Api.V1;

namespace Velero.Api.V2Alpha1;

public sealed class DataDownloadStatus
{
    [CrdEnum(typeof(DataDownloadPhase))]
    public string? Phase { get; set; }

    public string? Message { get; set; }

    [CrdNullable]
    public DateTime? StartTimestamp { get; set; }

    [CrdNullable]
    public DateTime? CompletionTimestamp { get; set; }

    public DataMoveOperationProgress? Progress { get; set; }

    public string? Node { get; set; }

    public string? AcceptedByNode { get; set; }

    [CrdNullable]
    public DateTime? AcceptedTimestamp { get; set; }
}
