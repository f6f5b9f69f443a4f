using Velero.Api.Crds;
using Velero.Api.V1;

namespace Velero.Api.V2Alpha1;

public sealed class DataUploadStatus
{
    [CrdEnum(typeof(DataUploadPhase))]
    public string? Phase { get; set; }

    public string? Path { get; set; }

    public string? SnapshotID { get; set; }

    [CrdNullable]
    public IDictionary<string, string>? DataMoverResult { get; set; }

    public string? Message { get; set; }

    [CrdNullable]
    public DateTime? StartTimestamp { get; set; }

    [CrdNullable]
    public DateTime? CompletionTimestamp { get; set; }

    public DataMoveOperationProgress? Progress { get; set; }

    public long? IncrementalBytes { get; set; }

    public string? Node { get; set; }

    [CrdEnum(typeof(NodeOS))]
    public string? NodeOS { get; set; }

    public string? AcceptedByNode { get; set; }

    [CrdNullable]
    public DateTime? AcceptedTimestamp { get; set; }
}
