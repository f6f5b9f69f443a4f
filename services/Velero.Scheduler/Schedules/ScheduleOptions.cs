using System.ComponentModel.DataAnnotations;

namespace Velero.Scheduler.Schedules;

/// <summary>Section <c>Scheduler:Schedules</c>.</summary>
internal sealed class ScheduleOptions
{
    public const string Section = "Scheduler:Schedules";

    /// <summary>
    /// How often every cluster's Schedules are looked at (upstream reconciles each one every minute and on changes; a
    /// backup starts at most this long after its due time).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>--schedule-skip-immediately</c>: what a Schedule without <c>spec.skipImmediately</c> gets.</summary>
    public bool SkipImmediately { get; set; }

    /// <summary>
    /// How long retention waits before asking again to delete a backup whose last DeleteBackupRequest was processed and
    /// left it in place (the deletion failed), as upstream's garbage collection retries hourly.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetentionRetry { get; set; } = TimeSpan.FromHours(1);
}
