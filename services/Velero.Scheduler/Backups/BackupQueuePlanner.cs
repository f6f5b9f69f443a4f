using Velero.Api.V1;
using Velero.Selection.Queue;

namespace Velero.Scheduler.Backups;

/// <summary>
/// Which queued backups of one cluster start now (spec 3.1, upstream's queue controller): in queue order, while fewer
/// than the concurrency limit run, each one whose namespaces overlap neither a running backup nor an earlier queued
/// one. A blocked backup keeps its place and blocks later ones that overlap it, so no backup overtakes an earlier one
/// on the same namespaces.
/// </summary>
internal static class BackupQueuePlanner
{
    /// <param name="backups">The cluster's running (<c>InProgress</c>) and queued backups.</param>
    /// <param name="clusterNamespaces">The cluster's namespaces now, against which patterns are resolved.</param>
    public static IReadOnlyList<QueuedBackup> Plan(IReadOnlyList<QueuedBackup> backups, int concurrency,
        IReadOnlyList<string> clusterNamespaces)
    {
        var running = backups.Where(b => b.Phase == BackupPhase.InProgress).Select(b => b.Spec).ToList();
        var waiting = new List<BackupSpec>();
        var start = new List<QueuedBackup>();
        foreach (var backup in backups.Where(b => b.Phase == BackupPhase.Queued).OrderBy(b => b.QueuePosition ?? int.MaxValue))
        {
            if (running.Count >= concurrency)
            {
                break;
            }

            if (running.Concat(waiting).Any(other => NamespaceOverlap.CanOverlap(other, backup.Spec, clusterNamespaces)))
            {
                waiting.Add(backup.Spec);
                continue;
            }

            start.Add(backup);
            running.Add(backup.Spec);
        }

        return start;
    }
}
