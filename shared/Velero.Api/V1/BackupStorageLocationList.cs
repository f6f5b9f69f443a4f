using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "BackupStorageLocationList",
    ApiVersion = WellKnown.V1, PluralName = BackupStorageLocation.KubePluralName)]
public sealed class BackupStorageLocationList : IKubernetesObject<V1ListMeta>, IItems<BackupStorageLocation>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "BackupStorageLocationList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<BackupStorageLocation> Items { get; set; } = [];
}
