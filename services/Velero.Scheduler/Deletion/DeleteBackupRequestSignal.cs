using Velero.Scheduler.Flow;

namespace Velero.Scheduler.Deletion;

/// <summary>Wakes the deletion controller when a DeleteBackupRequest arrives.</summary>
internal sealed class DeleteBackupRequestSignal : QueueSignal;
