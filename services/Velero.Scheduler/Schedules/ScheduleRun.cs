namespace Velero.Scheduler.Schedules;

/// <summary>A recorded firing of a schedule: the due time it was for, the backup name chosen, and whether it was created.</summary>
internal sealed record ScheduleRun(DateTimeOffset DueAt, string BackupName, DateTimeOffset ClaimedAt, DateTimeOffset? CreatedAt);
