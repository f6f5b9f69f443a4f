using Npgsql;
using NpgsqlTypes;
using Velero.Contracts.Clusters;

namespace Velero.Scheduler.Schedules;

/// <summary>The scheduler's SQL for the schedule catalog and the claims that make each firing happen once.</summary>
internal static class ScheduleStore
{
    /// <summary>Records what a Schedule looks like now.</summary>
    public static async Task UpsertAsync(NpgsqlConnection connection, ClusterRef cluster, ScheduleRecord schedule, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            insert into schedules (uid, cluster_id, cluster_name, namespace, name, schedule, phase, paused, last_backup,
                                   last_skipped, retention, validation_errors, seen_at)
            values (@uid, @clusterId, @clusterName, @namespace, @name, @schedule, @phase, @paused, @lastBackup, @lastSkipped,
                    @retention, @errors, @now)
            on conflict (uid) do update set
                cluster_name = excluded.cluster_name, schedule = excluded.schedule, phase = excluded.phase,
                paused = excluded.paused, last_backup = excluded.last_backup, last_skipped = excluded.last_skipped,
                retention = excluded.retention, validation_errors = excluded.validation_errors, seen_at = excluded.seen_at
            """, connection);
        command.Parameters.AddWithValue("uid", schedule.Uid);
        command.Parameters.AddWithValue("clusterId", cluster.Id);
        command.Parameters.AddWithValue("clusterName", cluster.Name);
        command.Parameters.AddWithValue("namespace", schedule.Namespace);
        command.Parameters.AddWithValue("name", schedule.Name);
        command.Parameters.AddWithValue("schedule", schedule.Schedule);
        command.Parameters.AddWithValue("phase", schedule.Phase);
        command.Parameters.AddWithValue("paused", schedule.Paused);
        command.Parameters.AddWithValue("lastBackup", (object?)schedule.LastBackup ?? DBNull.Value);
        command.Parameters.AddWithValue("lastSkipped", (object?)schedule.LastSkipped ?? DBNull.Value);
        command.Parameters.Add(new NpgsqlParameter("retention", NpgsqlDbType.Jsonb) { Value = (object?)schedule.RetentionJson ?? DBNull.Value });
        command.Parameters.AddWithValue("errors", schedule.ValidationErrors.ToArray());
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops the catalog rows of a cluster's Schedules that are gone (their runs stay, as history).</summary>
    public static async Task ForgetOthersAsync(NpgsqlConnection connection, string clusterId, string @namespace,
        IReadOnlyCollection<string> uids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "delete from schedules where cluster_id = @clusterId and namespace = @namespace and uid <> all(@uids)", connection);
        command.Parameters.AddWithValue("clusterId", clusterId);
        command.Parameters.AddWithValue("namespace", @namespace);
        command.Parameters.AddWithValue("uids", uids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest firing claimed for a schedule, if any.</summary>
    public static async Task<ScheduleRun?> LatestRunAsync(NpgsqlConnection connection, string scheduleUid, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select due_at, backup_name, claimed_at, created_at from schedule_runs
            where schedule_uid = @uid order by due_at desc limit 1
            """, connection);
        command.Parameters.AddWithValue("uid", scheduleUid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ScheduleRun(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    /// <summary>
    /// Claims the firing due at <paramref name="dueAt"/> under <paramref name="backupName"/>; false when it was claimed
    /// already (by this replica before a crash, or another one), so only one Backup is ever made for it.
    /// </summary>
    public static async Task<bool> ClaimAsync(NpgsqlConnection connection, string clusterId, string scheduleUid, string @namespace,
        DateTimeOffset dueAt, string backupName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            insert into schedule_runs (schedule_uid, due_at, cluster_id, namespace, backup_name, claimed_at)
            values (@uid, @dueAt, @clusterId, @namespace, @backupName, @now)
            on conflict do nothing
            """, connection);
        command.Parameters.AddWithValue("uid", scheduleUid);
        command.Parameters.AddWithValue("dueAt", dueAt);
        command.Parameters.AddWithValue("clusterId", clusterId);
        command.Parameters.AddWithValue("namespace", @namespace);
        command.Parameters.AddWithValue("backupName", backupName);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Marks a claimed firing's Backup as created.</summary>
    public static async Task MarkCreatedAsync(NpgsqlConnection connection, string scheduleUid, DateTimeOffset dueAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "update schedule_runs set created_at = coalesce(created_at, @now) where schedule_uid = @uid and due_at = @dueAt", connection);
        command.Parameters.AddWithValue("uid", scheduleUid);
        command.Parameters.AddWithValue("dueAt", dueAt);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The names of the backups a schedule made in this cluster: the only ones its retention may remove.</summary>
    public static async Task<HashSet<string>> BackupNamesAsync(NpgsqlConnection connection, string scheduleUid, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select backup_name from schedule_runs where schedule_uid = @uid", connection);
        command.Parameters.AddWithValue("uid", scheduleUid);
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
