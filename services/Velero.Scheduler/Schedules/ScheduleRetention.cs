using Npgsql;
using Velero.Api.V1;
using Velero.Kubernetes.Resources;
using Velero.Selection.Schedules;

namespace Velero.Scheduler.Schedules;

/// <summary>
/// Applies a schedule's retention annotations: the backups <see cref="RetentionPlanner"/> does not keep are deleted the
/// way <c>velero backup delete</c> deletes them, by a DeleteBackupRequest each. Only backups this schedule made in this
/// cluster (its recorded runs) are considered, never ones synced in from a storage location shared with another cluster.
/// </summary>
internal sealed class ScheduleRetention(ScheduleResources resources, NpgsqlConnection connection, ScheduleOptions options, ILogger logger)
{
    private static readonly string?[] Pending = [null, "", DeleteBackupRequestPhase.New, DeleteBackupRequestPhase.InProgress];

    public async Task ApplyAsync(Schedule schedule, RetentionPolicy policy, TimeZoneInfo zone, IReadOnlyList<Backup>? listed,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var made = await ScheduleStore.BackupNamesAsync(connection, schedule.Metadata.Uid, cancellationToken);
        var backups = (listed ?? await resources.BackupsOfAsync(schedule, cancellationToken))
            .Where(b => made.Contains(b.Metadata.Name) && b.Status?.Phase != BackupPhase.Deleting)
            .ToDictionary(b => b.Metadata.Name, StringComparer.Ordinal);
        var plan = RetentionPlanner.Plan(policy, backups.Values.Select(b => new RetainedBackup(b.Metadata.Name, b.Metadata.Uid,
            b.Status?.Phase, ScheduleController.Utc(b.Status?.StartTimestamp ?? b.Metadata.CreationTimestamp) ?? now)), zone);
        foreach (var decision in plan.Where(d => !d.Keep))
        {
            var backup = backups[decision.Backup.Name];
            if (!await ShouldRequestAsync(backup, now, cancellationToken))
            {
                continue;
            }

            await resources.DeleteRequests.CreateAsync(
                DeleteBackupRequests.For(backup.Metadata.NamespaceProperty, backup.Metadata.Name, backup.Metadata.Uid), cancellationToken);
            logger.LogInformation("Retention of schedule {Namespace}/{Schedule} deletes backup {Backup}: {Reason}",
                schedule.Metadata.NamespaceProperty, schedule.Metadata.Name, backup.Metadata.Name, decision.Reason);
        }
    }

    // One request at a time: none while one is pending, and after one was processed (the backup is still there, so the
    // deletion failed) not again before the retry interval, as upstream's garbage collection retries hourly.
    private async Task<bool> ShouldRequestAsync(Backup backup, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requests = await resources.DeleteRequests.ListAsync(backup.Metadata.NamespaceProperty,
            DeleteBackupRequests.SelectorFor(backup.Metadata.Name, backup.Metadata.Uid), cancellationToken);
        return !requests.Items.Any(r => Pending.Contains(r.Status?.Phase)
                                        || ScheduleController.Utc(r.Metadata.CreationTimestamp) > now - options.RetentionRetry);
    }
}
