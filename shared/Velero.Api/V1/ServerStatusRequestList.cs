using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "ServerStatusRequestList",
    ApiVersion = WellKnown.V1, PluralName = ServerStatusRequest.KubePluralName)]
public sealed class ServerStatusRequestList : IKubernetesObject<V1ListMeta>, IItems<ServerStatusRequest>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "ServerStatusRequestList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<ServerStatusRequest> Items { get; set; } = [];
}
