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
}
