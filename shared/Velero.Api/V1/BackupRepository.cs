using System.ComponentModel;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[CrdSubresources]
[CrdPrinterColumn(0, "Age", "date", ".metadata.creationTimestamp")]
[CrdPrinterColumn(1, "Repository Type", "string", ".spec.repositoryType")]
[Description("BackupRepository is the Schema for the backuprepositories API.")]
public sealed class BackupRepository
    : IKubernetesObject<V1ObjectMeta>, ISpec<BackupRepositorySpec>, IStatus<BackupRepositoryStatus?>
{
    public const string KubeKind = "BackupRepository";
    public const string KubePluralName = "backuprepositories";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public BackupRepositorySpec Spec { get; set; } = new();

    public BackupRepositoryStatus? Status { get; set; }
}
