using System.ComponentModel;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[CrdSubresources]
[CrdPrinterColumn(0, "Status", "string", ".status.phase",
    Description = "PodVolumeRestore status such as New/InProgress")]
[CrdPrinterColumn(1, "Started", "date", ".status.startTimestamp",
    Description = "Time duration since this PodVolumeRestore was started")]
[CrdPrinterColumn(2, "Bytes Done", "integer", ".status.progress.bytesDone",
    Description = "Completed bytes", Format = "int64")]
[CrdPrinterColumn(3, "Total Bytes", "integer", ".status.progress.totalBytes",
    Description = "Total bytes", Format = "int64")]
[CrdPrinterColumn(4, "Storage Location", "string", ".spec.backupStorageLocation",
    Description = "Name of the Backup Storage Location where the backup data is stored")]
[CrdPrinterColumn(5, "Age", "date", ".metadata.creationTimestamp",
    Description = "Time duration since this PodVolumeRestore was created")]
[CrdPrinterColumn(6, "Node", "string", ".status.node",
    Description = "Name of the node where the PodVolumeRestore is processed")]
[CrdPrinterColumn(7, "Uploader Type", "string", ".spec.uploaderType",
    Description = "The type of the uploader to handle data transfer")]
[Description("PodVolumeRestore is the Schema for the podvolumerestores API.")]
public sealed class PodVolumeRestore
    : IKubernetesObject<V1ObjectMeta>, ISpec<PodVolumeRestoreSpec>, IStatus<PodVolumeRestoreStatus?>
{
    public const string KubeKind = "PodVolumeRestore";
    public const string KubePluralName = "podvolumerestores";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public PodVolumeRestoreSpec Spec { get; set; } = new();

    public PodVolumeRestoreStatus? Status { get; set; }
}
