using k8s.Models;
using Velero.Api.V1;
using Velero.Scheduler.Schedules;

namespace Velero.Services.Tests.Scheduler.Schedules;

public sealed class ScheduledBackupTests
{
    [Fact]
    public void The_name_is_the_schedule_and_the_utc_time_to_the_second() =>
        Assert.Equal("nightly-20260501020304",
            ScheduledBackup.Name("nightly", new DateTimeOffset(2026, 5, 1, 4, 3, 4, 567, TimeSpan.FromHours(2))));

    [Fact]
    public void Template_labels_win_over_the_schedules_and_the_schedule_name_is_added()
    {
        var schedule = Schedule(templateLabels: new Dictionary<string, string> { ["from"] = "template" });

        var backup = ScheduledBackup.Build(schedule, "nightly-1");

        Assert.Equal(new Dictionary<string, string> { ["from"] = "template", ["velero.io/schedule-name"] = "nightly" }, backup.Metadata.Labels);
        Assert.Equal(new Dictionary<string, string> { ["note"] = "copied" }, backup.Metadata.Annotations);
        Assert.Equal(["web"], backup.Spec.IncludedNamespaces);
        Assert.Null(backup.Metadata.OwnerReferences);
    }

    [Fact]
    public void Without_template_labels_the_schedules_labels_are_used()
    {
        var backup = ScheduledBackup.Build(Schedule(templateLabels: null), "nightly-1");

        Assert.Equal(new Dictionary<string, string> { ["from"] = "schedule", ["velero.io/schedule-name"] = "nightly" }, backup.Metadata.Labels);
    }

    [Fact]
    public void An_empty_template_label_map_still_wins_as_upstream_tests_for_nil_only()
    {
        var backup = ScheduledBackup.Build(Schedule(templateLabels: new Dictionary<string, string>()), "nightly-1");

        Assert.Equal(new Dictionary<string, string> { ["velero.io/schedule-name"] = "nightly" }, backup.Metadata.Labels);
    }

    [Fact]
    public void Owner_references_point_at_the_schedule_when_asked_for()
    {
        var schedule = Schedule(templateLabels: null);
        schedule.Spec.UseOwnerReferencesInBackup = true;

        var owner = Assert.Single(ScheduledBackup.Build(schedule, "nightly-1").Metadata.OwnerReferences);

        Assert.Equal(("velero.io/v1", "Schedule", "nightly", "uid-1", true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller));
    }

    [Fact]
    public void The_due_time_counts_from_the_latest_of_last_backup_last_skipped_and_the_claimed_run()
    {
        var schedule = Schedule(templateLabels: null);
        schedule.Metadata.CreationTimestamp = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), ScheduleTiming.Base(schedule, null));

        schedule.Status = new ScheduleStatus { LastBackup = new DateTime(2026, 5, 2, 0, 0, 0, DateTimeKind.Utc) };
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero), ScheduleTiming.Base(schedule, null));

        schedule.Status.LastSkipped = new DateTime(2026, 5, 3, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTimeOffset(2026, 5, 3, 0, 0, 0, TimeSpan.Zero), ScheduleTiming.Base(schedule, null));

        var claimed = new ScheduleRun(new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero), "nightly-x",
            new DateTimeOffset(2026, 5, 4, 0, 0, 5, TimeSpan.Zero), null);
        Assert.Equal(claimed.ClaimedAt, ScheduleTiming.Base(schedule, claimed));
    }

    private static Schedule Schedule(IDictionary<string, string>? templateLabels) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "nightly",
            NamespaceProperty = "velero",
            Uid = "uid-1",
            Labels = new Dictionary<string, string> { ["from"] = "schedule" },
            Annotations = new Dictionary<string, string> { ["note"] = "copied" },
        },
        Spec = new ScheduleSpec
        {
            Schedule = "@daily",
            Template = new BackupSpec { IncludedNamespaces = ["web"], Metadata = new BackupMetadata { Labels = templateLabels } },
        },
    };
}
