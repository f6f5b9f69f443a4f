using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "PodVolumeBackupList",
    ApiVersion = WellKnown.V1, PluralName = PodVolumeBackup.KubePluralName)]
public sealed class PodVolumeBackupList : IKubernetesObject<V1ListMeta>, IItems<PodVolumeBackup>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "PodVolumeBackupList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<PodVolumeBackup> Items { get; set; } = [];
}
