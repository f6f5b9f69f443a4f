using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "BackupList",
    ApiVersion = WellKnown.V1, PluralName = Backup.KubePluralName)]
public sealed class BackupList : IKubernetesObject<V1ListMeta>, IItems<Backup>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "BackupList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<Backup> Items { get; set; } = [];
}
