using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Velero.Api.V1;
using Velero.Contracts.Clusters;
using Velero.Contracts.Restores;
using Velero.Scheduler.Outbox;
using Velero.Scheduler.Requests;

namespace Velero.Scheduler.Restores;

/// <summary>
/// The scheduler's SQL for restores. Every phase change is guarded by the phase it leaves (and, once dispatched, the
/// attempt), so a repeated or late message changes nothing, and appends its row to <c>restore_phase_history</c> in the
/// same statement.
/// </summary>
internal static class RestoreStore
{
    private const string Columns = """
        uid, cluster_id, cluster_name, namespace, name, phase, backup_name, schedule_name, storage_location, attempt,
        defaults::text, accepted_at, started_at, completed_at, progress_total, progress_restored, warnings, errors,
        hooks_attempted, hooks_failed, failure_reason, validation_errors::text, trace_parent, deleted_at, correlation_id
        """;

    /// <summary>Records a Restore seen for the first time as <c>New</c>; a re-list finds the record as it is.</summary>
    public static async Task<RestoreRow> RecordAsync(NpgsqlConnection connection, ClusterRef cluster, Restore restore,
        string? traceParent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand("""
            with inserted as (
                insert into restores (uid, cluster_id, cluster_name, namespace, name, backup_name, schedule_name, phase,
                                      created_at, first_seen_at, trace_parent, correlation_id)
                values (@uid, @clusterId, @clusterName, @namespace, @name, @backupName, @scheduleName, 'New',
                        @createdAt, @now, @traceParent, @correlationId)
                on conflict (uid) do nothing
                returning uid)
            insert into restore_phase_history (restore_uid, phase, at) select uid, 'New', @now from inserted
            """, connection))
        {
            command.Parameters.AddWithValue("uid", restore.Metadata.Uid);
            command.Parameters.AddWithValue("clusterId", cluster.Id);
            command.Parameters.AddWithValue("clusterName", cluster.Name);
            command.Parameters.AddWithValue("namespace", restore.Metadata.NamespaceProperty);
            command.Parameters.AddWithValue("name", restore.Metadata.Name);
            command.Parameters.AddWithValue("backupName", Nullable(NullIfEmpty(restore.Spec.BackupName)));
            command.Parameters.AddWithValue("scheduleName", Nullable(NullIfEmpty(restore.Spec.ScheduleName)));
            command.Parameters.AddWithValue("createdAt", restore.Metadata.CreationTimestamp is { } created
                ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : now);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("traceParent", Nullable(traceParent));
            command.Parameters.AddWithValue("correlationId", Nullable(RequestAnnotations.CorrelationId(restore.Metadata)));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ReadAsync(connection, null, restore.Metadata.Uid, cancellationToken)
               ?? throw new InvalidOperationException($"Restore {restore.Metadata.Uid} was not recorded");
    }

    public static async Task<RestoreRow?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string uid,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select {Columns} from restores where uid = @uid", connection, transaction);
        command.Parameters.AddWithValue("uid", uid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Row(reader) : null;
    }

    /// <summary>New → FailedValidation, with upstream's messages.</summary>
    public static async Task<bool> MarkFailedValidationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string uid, IReadOnlyList<string> errors, string defaults, RestoreSpec spec, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with changed as (
                update restores set phase = 'FailedValidation', validation_errors = @errors, defaults = @defaults,
                                    backup_name = @backupName, schedule_name = @scheduleName, completed_at = @now
                where uid = @uid and phase = 'New' and accepted_at is null
                returning uid)
            insert into restore_phase_history (restore_uid, phase, at, reason)
            select uid, 'FailedValidation', @now, @reason from changed
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("errors", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(errors, OutboxJson.Options));
        command.Parameters.AddWithValue("defaults", NpgsqlDbType.Jsonb, defaults);
        command.Parameters.AddWithValue("backupName", Nullable(NullIfEmpty(spec.BackupName)));
        command.Parameters.AddWithValue("scheduleName", Nullable(NullIfEmpty(spec.ScheduleName)));
        command.Parameters.AddWithValue("reason", string.Join("; ", errors));
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Validated: it stays <c>New</c> and waits for a slot, from now on in acceptance order.</summary>
    public static async Task<bool> MarkAcceptedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string uid,
        string defaults, RestoreSpec spec, string storageLocation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            update restores set accepted_at = @now, defaults = @defaults, backup_name = @backupName,
                                schedule_name = @scheduleName, storage_location = @location
            where uid = @uid and phase = 'New' and accepted_at is null
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("defaults", NpgsqlDbType.Jsonb, defaults);
        command.Parameters.AddWithValue("backupName", Nullable(NullIfEmpty(spec.BackupName)));
        command.Parameters.AddWithValue("scheduleName", Nullable(NullIfEmpty(spec.ScheduleName)));
        command.Parameters.AddWithValue("location", storageLocation);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The accepted restores of the cluster that may start now: oldest first, as many as free slots.</summary>
    public static async Task<List<string>> ReadStartableAsync(NpgsqlConnection connection, string clusterId, int concurrency,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select uid from restores
            where cluster_id = @clusterId and phase = 'New' and accepted_at is not null and deleted_at is null
            order by accepted_at, id
            limit greatest(@concurrency - (select count(*) from restores where cluster_id = @clusterId and phase = 'InProgress'), 0)
            """, connection);
        command.Parameters.AddWithValue("clusterId", clusterId);
        command.Parameters.AddWithValue("concurrency", concurrency);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var uids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            uids.Add(reader.GetString(0));
        }

        return uids;
    }

    /// <summary>Accepted New → InProgress as the next attempt, its heartbeat starting now.</summary>
    public static async Task<bool> MarkStartedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string uid,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with changed as (
                update restores set phase = 'InProgress', started_at = @now, attempt = attempt + 1, last_heartbeat_at = @now
                where uid = @uid and phase = 'New' and accepted_at is not null and deleted_at is null
                returning uid)
            insert into restore_phase_history (restore_uid, phase, at) select uid, 'InProgress', @now from changed
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Progress and heartbeat of the running attempt.</summary>
    public static async Task<bool> RecordProgressAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        RestoreProgressed progress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            update restores set progress_total = @total, progress_restored = @restored,
                                last_heartbeat_at = greatest(last_heartbeat_at, @now)
            where uid = @uid and attempt = @attempt and phase = 'InProgress'
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", progress.Restore.Uid);
        command.Parameters.AddWithValue("attempt", progress.Attempt);
        command.Parameters.AddWithValue("total", progress.TotalItems);
        command.Parameters.AddWithValue("restored", progress.ItemsRestored);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>InProgress → Completed or PartiallyFailed, with the restorer's counts.</summary>
    public static async Task<bool> MarkCompletedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        RestoreCompleted completed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with changed as (
                update restores set phase = @phase, completed_at = @completedAt, progress_total = @total,
                                    progress_restored = @restored, warnings = @warnings, errors = @errors,
                                    hooks_attempted = @hooksAttempted, hooks_failed = @hooksFailed, last_heartbeat_at = @now
                where uid = @uid and attempt = @attempt and phase = 'InProgress'
                returning uid)
            insert into restore_phase_history (restore_uid, phase, at) select uid, @phase, @now from changed
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", completed.Restore.Uid);
        command.Parameters.AddWithValue("attempt", completed.Attempt);
        command.Parameters.AddWithValue("phase", completed.Phase);
        command.Parameters.AddWithValue("completedAt", completed.CompletedAt);
        command.Parameters.AddWithValue("total", completed.TotalItems);
        command.Parameters.AddWithValue("restored", completed.ItemsRestored);
        command.Parameters.AddWithValue("warnings", completed.Warnings);
        command.Parameters.AddWithValue("errors", completed.Errors);
        command.Parameters.AddWithValue("hooksAttempted", completed.HooksAttempted);
        command.Parameters.AddWithValue("hooksFailed", completed.HooksFailed);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>InProgress → Failed, with the reason and what the restorer counted before the fault (null: keep).</summary>
    public static async Task<bool> MarkFailedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string uid,
        int attempt, string reason, RestoreFailed? report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with changed as (
                update restores set phase = 'Failed', failure_reason = @reason, completed_at = @now,
                                    progress_restored = coalesce(@restored, progress_restored),
                                    warnings = coalesce(@warnings, warnings), errors = coalesce(@errors, errors)
                where uid = @uid and attempt = @attempt and phase = 'InProgress'
                returning uid)
            insert into restore_phase_history (restore_uid, phase, at, reason) select uid, 'Failed', @now, @reason from changed
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("attempt", attempt);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.Add(new NpgsqlParameter<int?>("restored", NpgsqlDbType.Integer) { TypedValue = report?.ItemsRestored });
        command.Parameters.Add(new NpgsqlParameter<int?>("warnings", NpgsqlDbType.Integer) { TypedValue = report?.Warnings });
        command.Parameters.Add(new NpgsqlParameter<int?>("errors", NpgsqlDbType.Integer) { TypedValue = report?.Errors });
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static async Task<bool> AnyStalledAsync(NpgsqlConnection connection, string clusterId, DateTimeOffset cutoff,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select exists (select 1 from restores
                           where cluster_id = @clusterId and phase = 'InProgress' and last_heartbeat_at < @cutoff)
            """, connection);
        command.Parameters.AddWithValue("clusterId", clusterId);
        command.Parameters.AddWithValue("cutoff", cutoff);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>Running restores of the cluster not heard of since <paramref name="cutoff"/>, locked for this transaction.</summary>
    public static async Task<List<(string Uid, int Attempt)>> LockStalledAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, string clusterId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select uid, attempt from restores
            where cluster_id = @clusterId and phase = 'InProgress' and last_heartbeat_at < @cutoff
            order by id
            for update skip locked
            """, connection, transaction);
        command.Parameters.AddWithValue("clusterId", clusterId);
        command.Parameters.AddWithValue("cutoff", cutoff);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stalled = new List<(string, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stalled.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return stalled;
    }

    /// <summary>The resource is gone; its record and history stay (a waiting restore is not started any more).</summary>
    public static async Task MarkDeletedAsync(NpgsqlDataSource dataSource, string uid, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update restores set deleted_at = @now where uid = @uid and deleted_at is null");
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static RestoreRow Row(NpgsqlDataReader reader) => new()
    {
        Uid = reader.GetString(0),
        Cluster = new ClusterRef { Id = reader.GetString(1), Name = reader.GetString(2) },
        Namespace = reader.GetString(3),
        Name = reader.GetString(4),
        Phase = reader.GetString(5),
        BackupName = reader.IsDBNull(6) ? null : reader.GetString(6),
        ScheduleName = reader.IsDBNull(7) ? null : reader.GetString(7),
        StorageLocation = reader.IsDBNull(8) ? null : reader.GetString(8),
        Attempt = reader.GetInt32(9),
        Defaults = reader.IsDBNull(10) ? null : reader.GetString(10),
        AcceptedAt = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
        StartedAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
        CompletedAt = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
        ProgressTotal = reader.IsDBNull(14) ? null : reader.GetInt32(14),
        ProgressRestored = reader.IsDBNull(15) ? null : reader.GetInt32(15),
        Warnings = reader.IsDBNull(16) ? null : reader.GetInt32(16),
        Errors = reader.IsDBNull(17) ? null : reader.GetInt32(17),
        HooksAttempted = reader.IsDBNull(18) ? null : reader.GetInt32(18),
        HooksFailed = reader.IsDBNull(19) ? null : reader.GetInt32(19),
        FailureReason = reader.IsDBNull(20) ? null : reader.GetString(20),
        ValidationErrors = reader.IsDBNull(21) ? null : JsonSerializer.Deserialize<List<string>>(reader.GetString(21), OutboxJson.Options),
        TraceParent = reader.IsDBNull(22) ? null : reader.GetString(22),
        DeletedAt = reader.IsDBNull(23) ? null : reader.GetFieldValue<DateTimeOffset>(23),
        CorrelationId = reader.IsDBNull(24) ? null : reader.GetString(24),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static object Nullable(object? value) => value ?? DBNull.Value;
}
