using System.ComponentModel;
using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[Description("DownloadRequest is a request to download an artifact from backup object storage, such as a "
    + "backup log file.")]
public sealed class DownloadRequest
    : IKubernetesObject<V1ObjectMeta>, ISpec<DownloadRequestSpec>, IStatus<DownloadRequestStatus?>
{
    public const string KubeKind = "DownloadRequest";
    public const string KubePluralName = "downloadrequests";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public DownloadRequestSpec Spec { get; set; } = new();

    public DownloadRequestStatus? Status { get; set; }
}
