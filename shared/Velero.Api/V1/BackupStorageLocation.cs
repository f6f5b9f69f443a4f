using System.ComponentModel;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[CrdResource(ShortNames = ["bsl"])]
[CrdSubresources]
[CrdPrinterColumn(0, "Phase", "string", ".status.phase",
    Description = "Backup Storage Location status such as Available/Unavailable")]
[CrdPrinterColumn(1, "Last Validated", "date", ".status.lastValidationTime",
    Description = "LastValidationTime is the last time the backup store location was validated")]
[CrdPrinterColumn(2, "Age", "date", ".metadata.creationTimestamp")]
[CrdPrinterColumn(3, "Default", "boolean", ".spec.default", Description = "Default backup storage location")]
[Description("BackupStorageLocation is a location where Velero stores backup objects.")]
public sealed class BackupStorageLocation
    : IKubernetesObject<V1ObjectMeta>, ISpec<BackupStorageLocationSpec>, IStatus<BackupStorageLocationStatus?>
{
    public const string KubeKind = "BackupStorageLocation";
    public const string KubePluralName = "backupstoragelocations";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public BackupStorageLocationSpec Spec { get; set; } = new();

    public BackupStorageLocationStatus? Status { get; set; }
}
