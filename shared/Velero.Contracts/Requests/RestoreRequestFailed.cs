namespace Velero.Contracts.Requests;

/// <summary>
/// A <see cref="RequestRestore"/> was refused before any Restore existed (cluster not served or unreachable, a spec
/// that is not a RestoreSpec, a name that belongs to another restore, the API server refused the resource).
/// <see cref="Reason"/> says which. Nothing was created, so the same request id may be published again once the cause is
/// fixed. A Restore that exists but fails upstream's validation is reported by <c>RestoreFailed</c> (phase
/// <c>FailedValidation</c>) instead.
/// </summary>
public sealed record RestoreRequestFailed
{
    public required Guid RequestId { get; init; }

    /// <summary>The request's correlation id (empty when the request had none).</summary>
    public required string CorrelationId { get; init; }

    /// <summary>The cluster as the request named it.</summary>
    public required string Cluster { get; init; }

    /// <summary>Why, in one sentence.</summary>
    public required string Reason { get; init; }

    public required DateTimeOffset FailedAt { get; init; }
}
