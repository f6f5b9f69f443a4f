namespace Velero.Selection.Schedules;

/// <summary>What retention does with one backup, and why (the rules that keep it, or why it goes).</summary>
public sealed record RetentionDecision(RetainedBackup Backup, bool Keep, string Reason);
