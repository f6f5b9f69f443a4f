using System.ComponentModel;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V2Alpha1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = KubeKind,
    ApiVersion = WellKnown.V2Alpha1, PluralName = KubePluralName)]
[CrdSubresources]
[CrdPrinterColumn(0, "Status", "string", ".status.phase", Description = "DataDownload status such as New/InProgress")]
[CrdPrinterColumn(1, "Started", "date", ".status.startTimestamp",
    Description = "Time duration since this DataDownload was started")]
[CrdPrinterColumn(2, "Bytes Done", "integer", ".status.progress.bytesDone",
    Description = "Completed bytes", Format = "int64")]
[CrdPrinterColumn(3, "Total Bytes", "integer", ".status.progress.totalBytes",
    Description = "Total bytes", Format = "int64")]
[CrdPrinterColumn(4, "Storage Location", "string", ".spec.backupStorageLocation",
    Description = "Name of the Backup Storage Location where the backup data is stored")]
[CrdPrinterColumn(5, "Age", "date", ".metadata.creationTimestamp",
    Description = "Time duration since this DataDownload was created")]
[CrdPrinterColumn(6, "Node", "string", ".status.node",
    Description = "Name of the node where the DataDownload is processed")]
[Description("DataDownload acts as the protocol between data mover plugins and data mover controller for the "
    + "datamover restore operation.")]
public sealed class DataDownload
    : IKubernetesObject<V1ObjectMeta>, ISpec<DataDownloadSpec>, IStatus<DataDownloadStatus?>
{
    public const string KubeKind = "DataDownload";
    public const string KubePluralName = "datadownloads";

    public string ApiVersion { get; set; } = WellKnown.V2Alpha1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public DataDownloadSpec Spec { get; set; } = new();

    public DataDownloadStatus? Status { get; set; }
}
