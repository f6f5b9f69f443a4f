using k8s;
using k8s.Models;

namespace Velero.Api.V2Alpha1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "DataDownloadList",
    ApiVersion = WellKnown.V2Alpha1, PluralName = DataDownload.KubePluralName)]
public sealed class DataDownloadList : IKubernetesObject<V1ListMeta>, IItems<DataDownload>
{
    public string ApiVersion { get; set; } = WellKnown.V2Alpha1ApiVersion;

    public string Kind { get; set; } = "DataDownloadList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<DataDownload> Items { get; set; } = [];
}
