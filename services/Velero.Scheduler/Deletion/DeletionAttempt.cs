namespace Velero.Scheduler.Deletion;

/// <summary>One DeleteBackupRequest being processed, as <c>backup_deletions</c> records it.</summary>
internal sealed record DeletionAttempt(
    string? BackupUid,
    string ClusterId,
    string Namespace,
    string BackupName,
    string RequestName,
    string RequestUid,
    DateTimeOffset RequestedAt,
    bool Expired,
    DateTimeOffset StartedAt);
