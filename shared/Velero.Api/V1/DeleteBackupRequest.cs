using System.ComponentModel;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[CrdSubresources]
[CrdPrinterColumn(0, "BackupName", "string", ".spec.backupName", Description = "The name of the backup to be deleted")]
[CrdPrinterColumn(1, "Status", "string", ".status.phase", Description = "The status of the deletion request")]
[Description("DeleteBackupRequest is a request to delete one or more backups.")]
public sealed class DeleteBackupRequest
    : IKubernetesObject<V1ObjectMeta>, ISpec<DeleteBackupRequestSpec>, IStatus<DeleteBackupRequestStatus?>
{
    public const string KubeKind = "DeleteBackupRequest";
    public const string KubePluralName = "deletebackuprequests";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public DeleteBackupRequestSpec Spec { get; set; } = new();

    public DeleteBackupRequestStatus? Status { get; set; }
}
