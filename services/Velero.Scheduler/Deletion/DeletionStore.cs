using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Deletion;

/// <summary>
/// The scheduler's SQL for deleting backups: the record's move to <c>Deleting</c> (with its history row, guarded so a
/// resumed request adds none twice), the record's end (<c>deleted_at</c>; record and history stay), and the attempts
/// kept in <c>backup_deletions</c>.
/// </summary>
internal static class DeletionStore
{
    /// <summary>The record's phase, or null when the catalog has no record of this backup.</summary>
    public static async Task<string?> ReadPhaseAsync(NpgsqlDataSource dataSource, string uid, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select phase from backups where uid = @uid");
        command.Parameters.AddWithValue("uid", uid);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Any phase → Deleting, with who asked as the history's reason; a record already Deleting is left as it is.</summary>
    public static async Task MarkDeletingAsync(NpgsqlDataSource dataSource, string uid, string reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            with changed as (
                update backups set phase = 'Deleting', queue_position = null
                where uid = @uid and phase <> 'Deleting'
                returning uid)
            insert into backup_phase_history (backup_uid, phase, at, reason) select uid, 'Deleting', @now, @reason from changed
            """);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The backup is gone from the cluster and its location; the record and its history stay.</summary>
    public static async Task MarkDeletedAsync(NpgsqlDataSource dataSource, string uid, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update backups set deleted_at = @now where uid = @uid and deleted_at is null");
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Starts the attempt of one request; a resumed request keeps the attempt it started.</summary>
    public static async Task StartAttemptAsync(NpgsqlDataSource dataSource, DeletionAttempt attempt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into backup_deletions (backup_uid, cluster_id, namespace, backup_name, request_name, request_uid,
                                          requested_at, reason, started_at)
            values (@backupUid, @clusterId, @namespace, @backupName, @requestName, @requestUid, @requestedAt, @reason, @now)
            on conflict (request_uid) do nothing
            """);
        command.Parameters.AddWithValue("backupUid", (object?)attempt.BackupUid ?? DBNull.Value);
        command.Parameters.AddWithValue("clusterId", attempt.ClusterId);
        command.Parameters.AddWithValue("namespace", attempt.Namespace);
        command.Parameters.AddWithValue("backupName", attempt.BackupName);
        command.Parameters.AddWithValue("requestName", attempt.RequestName);
        command.Parameters.AddWithValue("requestUid", attempt.RequestUid);
        command.Parameters.AddWithValue("requestedAt", attempt.RequestedAt);
        command.Parameters.AddWithValue("reason", attempt.Expired ? "expired" : "request");
        command.Parameters.AddWithValue("now", attempt.StartedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Ends the attempt of one request (a rejected request is an attempt that ends as it starts).</summary>
    public static async Task FinishAttemptAsync(NpgsqlDataSource dataSource, string requestUid, IReadOnlyList<string> errors,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update backup_deletions set finished_at = @now, succeeded = @succeeded, errors = @errors
            where request_uid = @requestUid
            """);
        command.Parameters.AddWithValue("requestUid", requestUid);
        command.Parameters.AddWithValue("succeeded", errors.Count == 0);
        command.Parameters.AddWithValue("errors", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(errors, OutboxJson.Options));
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The location a restore's files were written to, from its record; null when unknown.</summary>
    public static async Task<string?> ReadRestoreLocationAsync(NpgsqlDataSource dataSource, string restoreUid,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select storage_location from restores where uid = @uid");
        command.Parameters.AddWithValue("uid", restoreUid);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
