using Velero.Api.V1;
using Velero.Selection.Schedules;

namespace Velero.Scheduler.Schedules;

/// <summary>When a schedule next fires: upstream's <c>getNextRunTime</c>, counting from the latest claimed run too.</summary>
internal static class ScheduleTiming
{
    /// <summary>
    /// <c>lastBackup ?? creationTimestamp</c>, moved to <c>lastSkipped</c> and to the latest claimed run when later: a
    /// run claimed by a replica that crashed before writing the status still counts as the last one.
    /// </summary>
    public static DateTimeOffset Base(Schedule schedule, ScheduleRun? latest)
    {
        var status = schedule.Status;
        DateTimeOffset last = status?.LastBackup is { } backup
            ? Utc(backup)
            : Utc(schedule.Metadata.CreationTimestamp ?? DateTime.MinValue);
        if (status?.LastSkipped is { } skipped && Utc(skipped) > last)
        {
            last = Utc(skipped);
        }

        if (latest is not null && latest.ClaimedAt > last)
        {
            last = latest.ClaimedAt;
        }

        return last;
    }

    /// <summary>
    /// The due time, or null when the expression never fires again (upstream then compares with the zero time and fires
    /// on every reconcile; here such a schedule stays quiet).
    /// </summary>
    public static DateTimeOffset? NextRun(CronSchedule cron, Schedule schedule, ScheduleRun? latest) =>
        cron.NextAfter(Base(schedule, latest));

    private static DateTimeOffset Utc(DateTime time) =>
        new(DateTime.SpecifyKind(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time, DateTimeKind.Utc));
}
