using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Velero.Api.V1;
using Velero.Contracts.Clusters;

namespace Velero.Scheduler.Catalog;

/// <summary>
/// Records backups and restores the scheduler did not run, as they are. Inserts only: a record that exists is never
/// overwritten (the scheduler's own records, and anything newer, win), except that a backup first seen in its cluster and
/// then found to be sync's own creation takes the origin <c>sync</c>.
/// </summary>
internal static class CatalogStore
{
    public static async Task<bool> KnowsBackupAsync(NpgsqlConnection connection, string uid, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select exists (select 1 from backups where uid = @uid)", connection);
        command.Parameters.AddWithValue("uid", uid);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// Records <paramref name="backup"/> with its phase, counts, location and expiration. A backup recorded
    /// <c>InProgress</c> gets a heartbeat of <paramref name="now"/>: nothing reports on it, so the stall watchdog fails it
    /// after its timeout (upstream fails backups found in progress when its server starts). Returns whether it was new.
    /// </summary>
    public static async Task<bool> RecordBackupAsync(NpgsqlConnection connection, ClusterRef cluster, Backup backup, string uid,
        string origin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = backup.Status ?? new BackupStatus();
        var phase = string.IsNullOrEmpty(status.Phase) ? BackupPhase.New : status.Phase;
        await using var command = new NpgsqlCommand("""
            with upserted as (
                insert into backups (uid, cluster_id, cluster_name, namespace, name, phase, storage_location, created_at,
                                     first_seen_at, started_at, completed_at, expiration, progress_total, progress_backed_up,
                                     warnings, errors, hooks_attempted, hooks_failed, failure_reason, validation_errors,
                                     last_heartbeat_at, origin)
                values (@uid, @clusterId, @clusterName, @namespace, @name, @phase, @location, @createdAt, @now, @startedAt,
                        @completedAt, @expiration, @total, @backedUp, @warnings, @errors, @hooksAttempted, @hooksFailed,
                        @failureReason, @validationErrors, @heartbeat, @origin)
                on conflict (uid) do update set origin = excluded.origin
                    where backups.origin = 'cluster' and excluded.origin = 'sync'
                returning uid, (xmax = 0) as inserted)
            insert into backup_phase_history (backup_uid, phase, at, reason)
            select uid, @phase, @now, @reason from upserted where inserted
            """, connection);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("clusterId", cluster.Id);
        command.Parameters.AddWithValue("clusterName", cluster.Name);
        command.Parameters.AddWithValue("namespace", backup.Metadata.NamespaceProperty ?? "");
        command.Parameters.AddWithValue("name", backup.Metadata.Name);
        command.Parameters.AddWithValue("phase", phase);
        command.Parameters.AddWithValue("location", Nullable(backup.Spec.StorageLocation));
        command.Parameters.AddWithValue("createdAt", At(backup.Metadata.CreationTimestamp) ?? At(status.StartTimestamp) ?? now);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("startedAt", Nullable(At(status.StartTimestamp)));
        command.Parameters.AddWithValue("completedAt", Nullable(At(status.CompletionTimestamp)));
        command.Parameters.AddWithValue("expiration", Nullable(At(status.Expiration)));
        command.Parameters.AddWithValue("total", Nullable(status.Progress?.TotalItems));
        command.Parameters.AddWithValue("backedUp", Nullable(status.Progress?.ItemsBackedUp));
        command.Parameters.AddWithValue("warnings", Nullable(status.Warnings));
        command.Parameters.AddWithValue("errors", Nullable(status.Errors));
        command.Parameters.AddWithValue("hooksAttempted", Nullable(status.HookStatus?.HooksAttempted));
        command.Parameters.AddWithValue("hooksFailed", Nullable(status.HookStatus?.HooksFailed));
        command.Parameters.AddWithValue("failureReason", Nullable(status.FailureReason));
        command.Parameters.AddWithValue("validationErrors", NpgsqlDbType.Jsonb,
            status.ValidationErrors is null ? DBNull.Value : JsonSerializer.Serialize(status.ValidationErrors));
        command.Parameters.AddWithValue("heartbeat", phase == BackupPhase.InProgress ? (object)now : DBNull.Value);
        command.Parameters.AddWithValue("origin", origin);
        command.Parameters.AddWithValue("reason", $"recorded from {origin}");
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Records <paramref name="restore"/> as it is; an <c>InProgress</c> one gets a heartbeat of now, as backups.</summary>
    public static async Task<bool> RecordRestoreAsync(NpgsqlConnection connection, ClusterRef cluster, Restore restore,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = restore.Status ?? new RestoreStatus();
        await using var command = new NpgsqlCommand("""
            with inserted as (
                insert into restores (uid, cluster_id, cluster_name, namespace, name, backup_name, schedule_name, phase,
                                      created_at, first_seen_at, started_at, completed_at, progress_total, progress_restored,
                                      warnings, errors, failure_reason, validation_errors, last_heartbeat_at, origin)
                values (@uid, @clusterId, @clusterName, @namespace, @name, @backupName, @scheduleName, @phase, @createdAt,
                        @now, @startedAt, @completedAt, @total, @restored, @warnings, @errors, @failureReason,
                        @validationErrors, @heartbeat, 'cluster')
                on conflict (uid) do nothing
                returning uid)
            insert into restore_phase_history (restore_uid, phase, at, reason)
            select uid, @phase, @now, 'recorded from cluster' from inserted
            """, connection);
        command.Parameters.AddWithValue("uid", restore.Metadata.Uid);
        command.Parameters.AddWithValue("clusterId", cluster.Id);
        command.Parameters.AddWithValue("clusterName", cluster.Name);
        command.Parameters.AddWithValue("namespace", restore.Metadata.NamespaceProperty ?? "");
        command.Parameters.AddWithValue("name", restore.Metadata.Name);
        command.Parameters.AddWithValue("backupName", Nullable(restore.Spec.BackupName));
        command.Parameters.AddWithValue("scheduleName", Nullable(restore.Spec.ScheduleName));
        command.Parameters.AddWithValue("phase", status.Phase!);
        command.Parameters.AddWithValue("createdAt", At(restore.Metadata.CreationTimestamp) ?? now);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("startedAt", Nullable(At(status.StartTimestamp)));
        command.Parameters.AddWithValue("completedAt", Nullable(At(status.CompletionTimestamp)));
        command.Parameters.AddWithValue("total", Nullable(status.Progress?.TotalItems));
        command.Parameters.AddWithValue("restored", Nullable(status.Progress?.ItemsRestored));
        command.Parameters.AddWithValue("warnings", Nullable(status.Warnings));
        command.Parameters.AddWithValue("errors", Nullable(status.Errors));
        command.Parameters.AddWithValue("failureReason", Nullable(status.FailureReason));
        command.Parameters.AddWithValue("validationErrors", NpgsqlDbType.Jsonb,
            status.ValidationErrors is null ? DBNull.Value : JsonSerializer.Serialize(status.ValidationErrors));
        command.Parameters.AddWithValue("heartbeat", status.Phase == RestorePhase.InProgress ? (object)now : DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static DateTimeOffset? At(DateTime? time) =>
        time is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;

    private static object Nullable(object? value) => value ?? DBNull.Value;
}
