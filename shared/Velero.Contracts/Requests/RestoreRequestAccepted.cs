using Velero.Contracts.Restores;

namespace Velero.Contracts.Requests;

/// <summary>
/// The answer to a <see cref="RequestRestore"/> that has its Restore resource: <see cref="Restore"/> names it (with the
/// request's correlation id). Published again for every repeat of the request, naming the same restore.
/// </summary>
public sealed record RestoreRequestAccepted
{
    public required Guid RequestId { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary>The Restore the request created (cluster, namespace, name, uid, correlation id).</summary>
    public required RestoreRef Restore { get; init; }

    /// <summary>True when an earlier delivery of the same request created the restore and this one created nothing.</summary>
    public required bool Repeated { get; init; }

    /// <summary>The restore's phase as the scheduler last recorded it; null when it has not taken the restore in yet.</summary>
    public string? Phase { get; init; }

    public required DateTimeOffset AcceptedAt { get; init; }
}
