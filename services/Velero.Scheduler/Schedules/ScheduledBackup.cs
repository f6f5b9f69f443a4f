using System.Globalization;
using k8s.Models;
using Velero.Api;
using Velero.Api.V1;

namespace Velero.Scheduler.Schedules;

/// <summary>The Backup a schedule makes when due, as upstream's <c>getBackup</c>/<c>FromSchedule</c> makes it.</summary>
internal static class ScheduledBackup
{
    /// <summary>
    /// <c>&lt;schedule&gt;-&lt;yyyyMMddHHmmss&gt;</c> at <paramref name="at"/> in UTC (upstream formats the server clock, which
    /// is UTC in its images; the CLI's <c>--from-schedule</c> uses UTC too).
    /// </summary>
    public static string Name(string schedule, DateTimeOffset at) =>
        $"{schedule}-{at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Spec from the template; labels from the template's metadata when it has any (even empty), else the Schedule's,
    /// plus <c>velero.io/schedule-name</c>; the Schedule's annotations; an owner reference when asked for.
    /// </summary>
    public static Backup Build(Schedule schedule, string name)
    {
        var template = schedule.Spec.Template ?? new BackupSpec();
        var labels = new Dictionary<string, string>(template.Metadata?.Labels ?? schedule.Metadata.Labels ?? new Dictionary<string, string>())
        {
            [WellKnown.ScheduleNameLabel] = schedule.Metadata.Name,
        };
        return new Backup
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = schedule.Metadata.NamespaceProperty,
                Labels = labels,
                Annotations = schedule.Metadata.Annotations is { } annotations ? new Dictionary<string, string>(annotations) : null,
                OwnerReferences = schedule.Spec.UseOwnerReferencesInBackup == true
                    ?
                    [
                        new V1OwnerReference
                        {
                            ApiVersion = WellKnown.V1ApiVersion,
                            Kind = Schedule.KubeKind,
                            Name = schedule.Metadata.Name,
                            Uid = schedule.Metadata.Uid,
                            Controller = true,
                        },
                    ]
                    : null,
            },
            Spec = template,
        };
    }
}
