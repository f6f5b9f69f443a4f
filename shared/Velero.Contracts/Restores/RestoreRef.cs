using Velero.Contracts.Clusters;

namespace Velero.Contracts.Restores;

/// <summary>
/// Names one Restore resource: its cluster, the Velero namespace it lives in, its name and its uid. The uid tells a
/// restore from a later one of the same name.
/// </summary>
public sealed record RestoreRef
{
    public required ClusterRef Cluster { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    /// <summary>
    /// The correlation id of the restore: the <c>correlationId</c> of the <c>RequestRestore</c> that created it, or the
    /// <c>velero-services.io/correlation-id</c> annotation a user put on the resource; null when it has none. Every event
    /// about the restore carries it, so a caller follows its request by this field alone.
    /// </summary>
    public string? CorrelationId { get; init; }
}
