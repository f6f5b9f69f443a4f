using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class RestoreStatus
{
    [CrdEnum(typeof(RestorePhase))]
    public string? Phase { get; set; }

    [CrdNullable]
    public IList<string>? ValidationErrors { get; set; }

    public int? Warnings { get; set; }

    public int? Errors { get; set; }

    public string? FailureReason { get; set; }

    [CrdNullable]
    public DateTime? StartTimestamp { get; set; }

    [CrdNullable]
    public DateTime? CompletionTimestamp { get; set; }

    [CrdNullable]
    public RestoreProgress? Progress { get; set; }

    public int? RestoreItemOperationsAttempted { get; set; }

    public int? RestoreItemOperationsCompleted { get; set; }

    public int? RestoreItemOperationsFailed { get; set; }

    [CrdNullable]
    public HookStatus? HookStatus { get; set; }
}
