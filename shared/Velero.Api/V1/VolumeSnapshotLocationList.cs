using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "VolumeSnapshotLocationList",
    ApiVersion = WellKnown.V1, PluralName = VolumeSnapshotLocation.KubePluralName)]
public sealed class VolumeSnapshotLocationList : IKubernetesObject<V1ListMeta>, IItems<VolumeSnapshotLocation>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "VolumeSnapshotLocationList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<VolumeSnapshotLocation> Items { get; set; } = [];
}
