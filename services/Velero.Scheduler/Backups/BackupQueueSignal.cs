using Velero.Scheduler.Flow;

namespace Velero.Scheduler.Backups;

/// <summary>Wakes the backup dispatcher when a backup is queued or ends.</summary>
internal sealed class BackupQueueSignal : QueueSignal;
