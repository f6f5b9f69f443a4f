using System.ComponentModel;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V2Alpha1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = KubeKind,
    ApiVersion = WellKnown.V2Alpha1, PluralName = KubePluralName)]
[CrdSubresources]
[CrdPrinterColumn(0, "Status", "string", ".status.phase", Description = "DataUpload status such as New/InProgress")]
[CrdPrinterColumn(1, "Started", "date", ".status.startTimestamp",
    Description = "Time duration since this DataUpload was started")]
[CrdPrinterColumn(2, "Bytes Done", "integer", ".status.progress.bytesDone",
    Description = "Completed bytes", Format = "int64")]
[CrdPrinterColumn(3, "Total Bytes", "integer", ".status.progress.totalBytes",
    Description = "Total bytes", Format = "int64")]
[CrdPrinterColumn(4, "Incremental Bytes", "integer", ".status.incrementalBytes",
    Description = "Incremental bytes", Format = "int64", Priority = 10)]
[CrdPrinterColumn(5, "Storage Location", "string", ".spec.backupStorageLocation",
    Description = "Name of the Backup Storage Location where this backup should be stored")]
[CrdPrinterColumn(6, "Age", "date", ".metadata.creationTimestamp",
    Description = "Time duration since this DataUpload was created")]
[CrdPrinterColumn(7, "Node", "string", ".status.node",
    Description = "Name of the node where the DataUpload is processed")]
[Description("DataUpload acts as the protocol between data mover plugins and data mover controller for the "
    + "datamover backup operation.")]
public sealed class DataUpload : IKubernetesObject<V1ObjectMeta>, ISpec<DataUploadSpec>, IStatus<DataUploadStatus?>
{
    public const string KubeKind = "DataUpload";
    public const string KubePluralName = "datauploads";

    public string ApiVersion { get; set; } = WellKnown.V2Alpha1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public DataUploadSpec Spec { get; set; } = new();

    public DataUploadStatus? Status { get; set; }
}
