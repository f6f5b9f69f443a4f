namespace Velero.Selection.Schedules;

/// <summary>One backup of a schedule as retention sees it: its phase and when it was taken.</summary>
public sealed record RetainedBackup(string Name, string? Uid, string? Phase, DateTimeOffset TakenAt);
