using System.Text.Json;

namespace Velero.Contracts.Requests;

/// <summary>
/// Any system asks the platform for a backup of one of the clusters it serves. The scheduler creates a
/// <c>velero.io/v1</c> Backup in that cluster (the resource stays the user API: it is validated, queued and run exactly as
/// one applied with kubectl), annotated with <see cref="RequestId"/> and <see cref="CorrelationId"/>, and answers with
/// <see cref="BackupRequestAccepted"/> or <see cref="BackupRequestFailed"/>. Every lifecycle event of that backup
/// (<c>BackupStarted</c>, <c>BackupProgressed</c>, <c>BackupCompleted</c>, <c>BackupFailed</c>) then carries
/// <see cref="CorrelationId"/> in <c>backup.correlationId</c>.
/// </summary>
/// <remarks>
/// Idempotent on <see cref="RequestId"/>: publishing the same request again (a redelivery, or a new message with the
/// same request id) never creates a second backup; it gets <see cref="BackupRequestAccepted"/> again, naming the backup
/// the first one created. Exactly one of <see cref="Spec"/> and <see cref="Schedule"/> is given.
/// </remarks>
public sealed record RequestBackup
{
    /// <summary>The caller's id of this request, and its idempotency key: one request id, at most one backup.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>
    /// The caller's own id (an order, a ticket, a pipeline run: any string up to 253 characters), echoed in the answer
    /// and in every lifecycle event of the backup. Required.
    /// </summary>
    public required string CorrelationId { get; init; }

    /// <summary>The cluster to back up: its display name (the kubeconfig context the platform serves it by) or its id (the uid of its <c>kube-system</c> namespace).</summary>
    public required string Cluster { get; init; }

    /// <summary>The Velero namespace of the Backup. Optional: the platform's (<c>velero</c> by default), the only one it watches.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The Backup's name. Optional: by default <c>req-</c> followed by the 32 hex digits of <see cref="RequestId"/>, so
    /// redeliveries racing each other converge on one resource. A name taken by another backup refuses the request.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// The backup's <c>spec</c>, as a <c>velero.io/v1</c> BackupSpec in JSON (the same fields as a Backup manifest's
    /// <c>spec</c>, for instance <c>{"includedNamespaces":["shop"],"ttl":"72h0m0s"}</c>; <c>{}</c> backs up the whole
    /// cluster, as upstream does). Fields that are not part of BackupSpec refuse the request instead of being dropped.
    /// </summary>
    public JsonElement? Spec { get; init; }

    /// <summary>
    /// Instead of <see cref="Spec"/>: the name of a Schedule (in the same namespace) whose template the backup takes, as
    /// <c>velero backup create --from-schedule</c> does (its labels, the <c>velero.io/schedule-name</c> label, and an
    /// owner reference when the schedule asks for one).
    /// </summary>
    public string? Schedule { get; init; }

    /// <summary>Labels for the Backup resource, added to those a schedule gives. Optional.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
