namespace Velero.Scheduler.Schedules;

/// <summary>One Schedule as the catalog holds it (<c>schedules</c> table).</summary>
internal sealed record ScheduleRecord(
    string Uid,
    string Namespace,
    string Name,
    string Schedule,
    string Phase,
    bool Paused,
    DateTimeOffset? LastBackup,
    DateTimeOffset? LastSkipped,
    string? RetentionJson,
    IReadOnlyList<string> ValidationErrors);
