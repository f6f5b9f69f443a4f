using System.ComponentModel;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

[KubernetesEntity(Group = WellKnown.Group, Kind = KubeKind, ApiVersion = WellKnown.V1, PluralName = KubePluralName)]
[CrdSubresources]
[CrdPrinterColumn(0, "Status", "string", ".status.phase", Description = "Status of the schedule")]
[CrdPrinterColumn(1, "Schedule", "string", ".spec.schedule",
    Description = "A Cron expression defining when to run the Backup")]
[CrdPrinterColumn(2, "LastBackup", "date", ".status.lastBackup",
    Description = "The last time a Backup was run for this schedule")]
[CrdPrinterColumn(3, "Age", "date", ".metadata.creationTimestamp")]
[CrdPrinterColumn(4, "Paused", "boolean", ".spec.paused")]
[Description("Schedule is a Velero resource that represents a pre-scheduled or periodic Backup that should be "
    + "run.")]
public sealed class Schedule : IKubernetesObject<V1ObjectMeta>, ISpec<ScheduleSpec>, IStatus<ScheduleStatus?>
{
    public const string KubeKind = "Schedule";
    public const string KubePluralName = "schedules";

    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public ScheduleSpec Spec { get; set; } = new();

    public ScheduleStatus? Status { get; set; }
}
