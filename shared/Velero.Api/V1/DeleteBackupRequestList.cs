using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "DeleteBackupRequestList",
    ApiVersion = WellKnown.V1, PluralName = DeleteBackupRequest.KubePluralName)]
public sealed class DeleteBackupRequestList : IKubernetesObject<V1ListMeta>, IItems<DeleteBackupRequest>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "DeleteBackupRequestList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<DeleteBackupRequest> Items { get; set; } = [];
}
