namespace Velero.Contracts.Requests;

/// <summary>
/// A <see cref="RequestBackup"/> was refused before any Backup existed: the cluster is not served (or stayed
/// unreachable through the retries), the spec is not a BackupSpec, the schedule does not exist, the name belongs to
/// another backup, the API server refused the resource. <see cref="Reason"/> says which. Nothing was created, so the
/// same request id may be published again once the cause is fixed. A Backup that exists but fails upstream's validation
/// is reported by <c>BackupFailed</c> (phase <c>FailedValidation</c>) instead.
/// </summary>
public sealed record BackupRequestFailed
{
    public required Guid RequestId { get; init; }

    /// <summary>The request's correlation id (empty when the request had none).</summary>
    public required string CorrelationId { get; init; }

    /// <summary>The cluster as the request named it.</summary>
    public required string Cluster { get; init; }

    /// <summary>Why, in one sentence, for instance <c>cluster "prod-9" is not served by this platform (served: dev-a, dev-b)</c>.</summary>
    public required string Reason { get; init; }

    public required DateTimeOffset FailedAt { get; init; }
}
