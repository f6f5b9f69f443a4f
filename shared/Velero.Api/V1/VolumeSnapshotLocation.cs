using System.ComponentModel;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[CrdResource(ShortNames = ["vsl"])]
[Description("VolumeSnapshotLocation is a location where Velero stores volume snapshots.")]
public sealed class VolumeSnapshotLocation
    : IKubernetesObject<V1ObjectMeta>, ISpec<VolumeSnapshotLocationSpec>, IStatus<VolumeSnapshotLocationStatus?>
{
    public const string KubeKind = "VolumeSnapshotLocation";
    public const string KubePluralName = "volumesnapshotlocations";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public VolumeSnapshotLocationSpec Spec { get; set; } = new();

    public VolumeSnapshotLocationStatus? Status { get; set; }
}
