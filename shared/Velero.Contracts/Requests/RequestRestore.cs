using System.Text.Json;

namespace Velero.Contracts.Requests;

/// <summary>
/// Any system asks the platform to restore a backup into one of the clusters it serves. The scheduler creates a
/// <c>velero.io/v1</c> Restore in that cluster (validated and run exactly as one applied with kubectl), annotated with
/// <see cref="RequestId"/> and <see cref="CorrelationId"/>, and answers with <see cref="RestoreRequestAccepted"/> or
/// <see cref="RestoreRequestFailed"/>. Every lifecycle event of that restore (<c>RestoreStarted</c>,
/// <c>RestoreProgressed</c>, <c>RestoreCompleted</c>, <c>RestoreFailed</c>) then carries <see cref="CorrelationId"/> in
/// <c>restore.correlationId</c>.
/// </summary>
/// <remarks>
/// Idempotent on <see cref="RequestId"/>: publishing the same request again never creates a second restore; it gets
/// <see cref="RestoreRequestAccepted"/> again, naming the restore the first one created.
/// </remarks>
public sealed record RequestRestore
{
    /// <summary>The caller's id of this request, and its idempotency key: one request id, at most one restore.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The caller's own id (any string up to 253 characters), echoed in the answer and in every lifecycle event of the restore. Required.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>The cluster to restore into: its display name or its id (the uid of its <c>kube-system</c> namespace).</summary>
    public required string Cluster { get; init; }

    /// <summary>The Velero namespace of the Restore. Optional: the platform's (<c>velero</c> by default), the only one it watches.</summary>
    public string? Namespace { get; init; }

    /// <summary>The Restore's name. Optional: by default <c>req-</c> followed by the 32 hex digits of <see cref="RequestId"/>.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The restore's <c>spec</c>, as a <c>velero.io/v1</c> RestoreSpec in JSON, for instance
    /// <c>{"backupName":"shop-1","namespaceMapping":{"shop":"shop-copy"}}</c> (or <c>scheduleName</c> for the schedule's
    /// newest backup). Required. Fields that are not part of RestoreSpec refuse the request instead of being dropped;
    /// what upstream's validation refuses (an unknown backup, both or neither source) ends the Restore
    /// <c>FailedValidation</c> with a <c>RestoreFailed</c> event.
    /// </summary>
    public JsonElement? Spec { get; init; }

    /// <summary>Labels for the Restore resource. Optional.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
