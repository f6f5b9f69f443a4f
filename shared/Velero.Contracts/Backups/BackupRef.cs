using Velero.Contracts.Clusters;

namespace Velero.Contracts.Backups;

/// <summary>
/// Names one Backup resource: its cluster, the Velero namespace it lives in, its name and its uid. The uid tells a
/// backup from a later one of the same name (a name is reused after deletion, a uid never).
/// </summary>
public sealed record BackupRef
{
    public required ClusterRef Cluster { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }
}
