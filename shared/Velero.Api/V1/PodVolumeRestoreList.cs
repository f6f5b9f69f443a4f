using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "PodVolumeRestoreList",
    ApiVersion = WellKnown.V1, PluralName = PodVolumeRestore.KubePluralName)]
public sealed class PodVolumeRestoreList : IKubernetesObject<V1ListMeta>, IItems<PodVolumeRestore>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "PodVolumeRestoreList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<PodVolumeRestore> Items { get; set; } = [];
}
