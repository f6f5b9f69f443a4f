using Velero.Api.V1;

namespace Velero.Scheduler.Backups;

/// <summary>
/// A running or queued backup of one cluster as the dispatcher weighs it: its place in the queue (null while running)
/// and the namespaces its spec names.
/// </summary>
internal sealed record QueuedBackup(string Uid, string Name, string Phase, int? QueuePosition, BackupSpec Spec);
