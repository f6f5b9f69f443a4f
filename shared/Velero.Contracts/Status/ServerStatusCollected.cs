using Velero.Contracts.Clusters;

namespace Velero.Contracts.Status;

/// <summary>
/// The scheduler closed a status request: every known role answered, or the collection window ran out.
/// This is what <c>velero version</c> waits for, and what is written back to a ServerStatusRequest's status.
/// </summary>
public sealed record ServerStatusCollected
{
    public required Guid RequestId { get; init; }

    public required ClusterRef Cluster { get; init; }

    /// <summary>The answers received, one per service instance.</summary>
    public required IReadOnlyList<ServerStatusReported> Services { get; init; }

    /// <summary>Roles that were expected but did not answer in time.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    public required DateTimeOffset CollectedAt { get; init; }
}
