using System.ComponentModel;
using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[Description("Restore is a Velero resource that represents the application of resources from a Velero backup "
    + "to a target Kubernetes cluster.")]
public sealed class Restore : IKubernetesObject<V1ObjectMeta>, ISpec<RestoreSpec>, IStatus<RestoreStatus?>
{
    public const string KubeKind = "Restore";
    public const string KubePluralName = "restores";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public RestoreSpec Spec { get; set; } = new();

    public RestoreStatus? Status { get; set; }
}
