using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "RestoreList",
    ApiVersion = WellKnown.V1, PluralName = Restore.KubePluralName)]
public sealed class RestoreList : IKubernetesObject<V1ListMeta>, IItems<Restore>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "RestoreList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<Restore> Items { get; set; } = [];
}
