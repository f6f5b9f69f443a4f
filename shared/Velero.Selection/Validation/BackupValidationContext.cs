using k8s.Models;
using Velero.Api.V1;
using Velero.Selection.Namespaces;

namespace Velero.Selection.Validation;

/// <summary>
/// The cluster facts validation needs, read by the caller: the locations in the Velero namespace, the cluster's
/// namespaces (for the exclude-from-backup label), its version, and the ConfigMap <c>spec.resourcePolicy</c> names
/// (null when it does not exist or none is referenced).
/// </summary>
public sealed record BackupValidationContext
{
    public IReadOnlyList<BackupStorageLocation> StorageLocations { get; init; } = [];

    public IReadOnlyList<VolumeSnapshotLocation> SnapshotLocations { get; init; } = [];

    public IReadOnlyList<ClusterNamespace> Namespaces { get; init; } = [];

    public required ClusterVersion ClusterVersion { get; init; }

    public V1ConfigMap? ResourcePolicyConfigMap { get; init; }
}
