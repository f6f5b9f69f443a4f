using k8s;
using Velero.Api.V1;
using Velero.ObjectStorage.Locations;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// One backup to collect: the cluster to read, the validated and defaulted Backup (phase InProgress), and the opened
/// store of its BackupStorageLocation.
/// </summary>
public sealed record CollectionRequest
{
    public required IKubernetes Client { get; init; }

    public required Backup Backup { get; init; }

    public required ObjectStoreLocation Location { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
}
