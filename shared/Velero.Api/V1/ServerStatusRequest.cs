using System.ComponentModel;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[CrdResource(ShortNames = ["ssr"])]
[Description("ServerStatusRequest is a request to access current status information about the Velero server.")]
public sealed class ServerStatusRequest
    : IKubernetesObject<V1ObjectMeta>, ISpec<ServerStatusRequestSpec>, IStatus<ServerStatusRequestStatus?>
{
    public const string KubeKind = "ServerStatusRequest";
    public const string KubePluralName = "serverstatusrequests";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public ServerStatusRequestSpec Spec { get; set; } = new();

    public ServerStatusRequestStatus? Status { get; set; }
}
