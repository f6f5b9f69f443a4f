using System.Text.Json.Nodes;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Clusters;
using Velero.Selection.Schedules;

namespace Velero.Scheduler.Schedules;

/// <summary>
/// Makes a due schedule's Backup exactly once: the firing is claimed in Postgres (schedule uid and due time) with the
/// backup name before the Backup is created, and a claim left unfinished by a crash is finished with the same name at
/// the next pass instead of being fired again.
/// </summary>
internal sealed class ScheduleFiring(ScheduleResources resources, NpgsqlConnection connection, ClusterRef cluster, ILogger logger)
{
    // Upstream 1.18 waits while a backup of the schedule is "", New or InProgress; a backup Queued or ReadyToStart has
    // not finished either (this server queues backups per cluster), so it holds the next firing back as well.
    private static readonly string?[] Unfinished = [null, "", BackupPhase.New, BackupPhase.Queued, BackupPhase.ReadyToStart, BackupPhase.InProgress];

    /// <summary>Fires when due; returns the schedule's Backups when it had to list them (retention reuses the list).</summary>
    public async Task<IReadOnlyList<Backup>?> FireIfDueAsync(Schedule schedule, ScheduleStatus status, CronSchedule cron,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var uid = schedule.Metadata.Uid;
        var latest = await ScheduleStore.LatestRunAsync(connection, uid, cancellationToken);
        if (latest is not null && (latest.CreatedAt is null || ScheduleController.Utc(status.LastBackup) < latest.ClaimedAt
                                   || status.LastBackup is null))
        {
            await CreateAsync(schedule, status, latest.DueAt, latest.BackupName, latest.ClaimedAt, cancellationToken);
            return null;
        }

        if (ScheduleTiming.NextRun(cron, schedule, latest) is not { } due || now <= due)
        {
            return null;
        }

        var backups = await resources.BackupsOfAsync(schedule, cancellationToken);
        if (backups.FirstOrDefault(b => Unfinished.Contains(b.Status?.Phase)) is { } running)
        {
            logger.LogDebug("Schedule {Schedule} is due but its backup {Backup} has not finished; not starting another",
                schedule.Metadata.Name, running.Metadata.Name);
            return backups;
        }

        var name = ScheduledBackup.Name(schedule.Metadata.Name, now);
        if (!await ScheduleStore.ClaimAsync(connection, cluster.Id, uid, schedule.Metadata.NamespaceProperty, due, name, now, cancellationToken))
        {
            return backups;
        }

        await CreateAsync(schedule, status, due, name, now, cancellationToken);
        return backups;
    }

    private async Task CreateAsync(Schedule schedule, ScheduleStatus status, DateTimeOffset due, string name, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var created = await resources.CreateBackupAsync(ScheduledBackup.Build(schedule, name), cancellationToken);
        await ScheduleStore.MarkCreatedAsync(connection, schedule.Metadata.Uid, due, at, cancellationToken);
        await resources.PatchStatusAsync(schedule, new JsonObject { ["lastBackup"] = ScheduleController.Timestamp(at) }, cancellationToken);
        status.LastBackup = at.UtcDateTime;
        logger.LogInformation("Schedule {Namespace}/{Schedule} {Outcome} backup {Backup}", schedule.Metadata.NamespaceProperty,
            schedule.Metadata.Name, created ? "created" : "had already created", name);
    }
}
