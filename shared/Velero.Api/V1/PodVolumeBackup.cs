using System.ComponentModel;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[CrdSubresources]
[CrdPrinterColumn(0, "Status", "string", ".status.phase",
    Description = "PodVolumeBackup status such as New/InProgress")]
[CrdPrinterColumn(1, "Started", "date", ".status.startTimestamp",
    Description = "Time duration since this PodVolumeBackup was started")]
[CrdPrinterColumn(2, "Bytes Done", "integer", ".status.progress.bytesDone",
    Description = "Completed bytes", Format = "int64")]
[CrdPrinterColumn(3, "Total Bytes", "integer", ".status.progress.totalBytes",
    Description = "Total bytes", Format = "int64")]
[CrdPrinterColumn(4, "Incremental Bytes", "integer", ".status.incrementalBytes",
    Description = "Incremental bytes", Format = "int64", Priority = 10)]
[CrdPrinterColumn(5, "Storage Location", "string", ".spec.backupStorageLocation",
    Description = "Name of the Backup Storage Location where this backup should be stored")]
[CrdPrinterColumn(6, "Age", "date", ".metadata.creationTimestamp",
    Description = "Time duration since this PodVolumeBackup was created")]
[CrdPrinterColumn(7, "Node", "string", ".status.node",
    Description = "Name of the node where the PodVolumeBackup is processed")]
[CrdPrinterColumn(8, "Uploader", "string", ".spec.uploaderType",
    Description = "The type of the uploader to handle data transfer")]
[Description("PodVolumeBackup is the Schema for the podvolumebackups API.")]
public sealed class PodVolumeBackup
    : IKubernetesObject<V1ObjectMeta>, ISpec<PodVolumeBackupSpec>, IStatus<PodVolumeBackupStatus?>
{
    public const string KubeKind = "PodVolumeBackup";
    public const string KubePluralName = "podvolumebackups";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public PodVolumeBackupSpec Spec { get; set; } = new();

    public PodVolumeBackupStatus? Status { get; set; }
}
