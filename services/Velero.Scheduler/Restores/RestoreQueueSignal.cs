using Velero.Scheduler.Flow;

namespace Velero.Scheduler.Restores;

/// <summary>Wakes the restore dispatcher when a restore is accepted or ends.</summary>
internal sealed class RestoreQueueSignal : QueueSignal;
