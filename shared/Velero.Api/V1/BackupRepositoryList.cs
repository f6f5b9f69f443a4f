using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "BackupRepositoryList",
    ApiVersion = WellKnown.V1, PluralName = BackupRepository.KubePluralName)]
public sealed class BackupRepositoryList : IKubernetesObject<V1ListMeta>, IItems<BackupRepository>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "BackupRepositoryList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<BackupRepository> Items { get; set; } = [];
}
