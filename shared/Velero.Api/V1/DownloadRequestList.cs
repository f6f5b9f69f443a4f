using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "DownloadRequestList",
    ApiVersion = WellKnown.V1, PluralName = DownloadRequest.KubePluralName)]
public sealed class DownloadRequestList : IKubernetesObject<V1ListMeta>, IItems<DownloadRequest>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "DownloadRequestList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<DownloadRequest> Items { get; set; } = [];
}
