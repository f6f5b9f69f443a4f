using System.ComponentModel;
using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[Description("Backup is a Velero resource that represents the capture of Kubernetes cluster state at a point in time "
    + "(API objects and associated volume state).")]
public sealed class Backup : IKubernetesObject<V1ObjectMeta>, ISpec<BackupSpec>, IStatus<BackupStatus?>
{
    public const string KubeKind = "Backup";
    public const string KubePluralName = "backups";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public BackupSpec Spec { get; set; } = new();

    public BackupStatus? Status { get; set; }
}
