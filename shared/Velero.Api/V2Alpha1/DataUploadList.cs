using k8s;
using k8s.Models;

namespace Velero.Api.V2Alpha1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "DataUploadList",
    ApiVersion = WellKnown.V2Alpha1, PluralName = DataUpload.KubePluralName)]
public sealed class DataUploadList : IKubernetesObject<V1ListMeta>, IItems<DataUpload>
{
    public string ApiVersion { get; set; } = WellKnown.V2Alpha1ApiVersion;

    public string Kind { get; set; } = "DataUploadList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<DataUpload> Items { get; set; } = [];
}
