using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Contracts.Clusters;
using Velero.Scheduler.Outbox;
using Velero.Scheduler.Requests;

namespace Velero.Scheduler.Backups;

/// <summary>
/// The scheduler's SQL for backups. Every phase change is guarded by the phase it leaves (and, once dispatched, the
/// attempt), so a repeated or late message changes nothing, and appends its row to <c>backup_phase_history</c> in the
/// same statement.
/// </summary>
internal static class BackupStore
{
    private const string Columns = """
        uid, cluster_id, cluster_name, namespace, name, phase, queue_position, storage_location, attempt, defaults::text,
        started_at, completed_at, progress_total, progress_backed_up, warnings, errors, hooks_attempted, hooks_failed,
        failure_reason, validation_errors::text, trace_parent, deleted_at, correlation_id
        """;

    /// <summary>Records a Backup seen for the first time as <c>New</c>; a re-list finds the record as it is.</summary>
    public static async Task<BackupRow> RecordAsync(NpgsqlConnection connection, ClusterRef cluster, Backup backup,
        string? traceParent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand("""
            with inserted as (
                insert into backups (uid, cluster_id, cluster_name, namespace, name, phase, created_at, first_seen_at, trace_parent,
                                     correlation_id)
                values (@uid, @clusterId, @clusterName, @namespace, @name, 'New', @createdAt, @now, @traceParent, @correlationId)
                on conflict (uid) do nothing
                returning uid)
            insert into backup_phase_history (backup_uid, phase, at) select uid, 'New', @now from inserted
            """, connection))
        {
            command.Parameters.AddWithValue("uid", backup.Metadata.Uid);
            command.Parameters.AddWithValue("clusterId", cluster.Id);
            command.Parameters.AddWithValue("clusterName", cluster.Name);
            command.Parameters.AddWithValue("namespace", backup.Metadata.NamespaceProperty);
            command.Parameters.AddWithValue("name", backup.Metadata.Name);
            command.Parameters.AddWithValue("createdAt", backup.Metadata.CreationTimestamp is { } created
                ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : now);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("traceParent", Nullable(traceParent));
            command.Parameters.AddWithValue("correlationId", Nullable(RequestAnnotations.CorrelationId(backup.Metadata)));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ReadAsync(connection, null, backup.Metadata.Uid, cancellationToken)
               ?? throw new InvalidOperationException($"Backup {backup.Metadata.Uid} was not recorded");
    }

    public static async Task<BackupRow?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string uid,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select {Columns} from backups where uid = @uid", connection, transaction);
        command.Parameters.AddWithValue("uid", uid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Row(reader) : null;
    }

    /// <summary>New → FailedValidation, with upstream's messages.</summary>
    public static async Task<bool> MarkFailedValidationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string uid, IReadOnlyList<string> errors, string defaults, string? storageLocation, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with changed as (
                update backups set phase = 'FailedValidation', validation_errors = @errors, defaults = @defaults,
                                   storage_location = @location, completed_at = @now
                where uid = @uid and phase = 'New'
                returning uid)
            insert into backup_phase_history (backup_uid, phase, at, reason)
            select uid, 'FailedValidation', @now, @reason from changed
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("errors", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(errors, OutboxJson.Options));
        command.Parameters.AddWithValue("defaults", NpgsqlDbType.Jsonb, defaults);
        command.Parameters.AddWithValue("location", Nullable(storageLocation));
        command.Parameters.AddWithValue("reason", string.Join("; ", errors));
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>New → Queued at the end of its cluster's queue (the caller holds the cluster's lock).</summary>
    public static async Task<bool> MarkQueuedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string uid,
        string clusterId, BackupSpec spec, string defaults, DateTimeOffset? expiration, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with changed as (
                update backups set phase = 'Queued', queued_at = @now, spec = @spec, defaults = @defaults,
                                   included_namespaces = @included, excluded_namespaces = @excluded,
                                   storage_location = @location, expiration = @expiration,
                                   queue_position = (select coalesce(max(queue_position), 0) + 1 from backups
                                                     where cluster_id = @clusterId and phase = 'Queued' and deleted_at is null)
                where uid = @uid and phase = 'New'
                returning uid)
            insert into backup_phase_history (backup_uid, phase, at) select uid, 'Queued', @now from changed
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("clusterId", clusterId);
        command.Parameters.AddWithValue("spec", NpgsqlDbType.Jsonb, k8s.KubernetesJson.Serialize(spec));
        command.Parameters.AddWithValue("defaults", NpgsqlDbType.Jsonb, defaults);
        command.Parameters.AddWithValue("included", (spec.IncludedNamespaces ?? []).ToArray());
        command.Parameters.AddWithValue("excluded", (spec.ExcludedNamespaces ?? []).ToArray());
        command.Parameters.AddWithValue("location", Nullable(spec.StorageLocation));
        command.Parameters.AddWithValue("expiration", Nullable(expiration));
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The cluster's running backups, then its queue in order.</summary>
    public static async Task<List<QueuedBackup>> ReadQueueAsync(NpgsqlConnection connection, string clusterId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select uid, name, phase, queue_position, included_namespaces, excluded_namespaces from backups
            where cluster_id = @clusterId and (phase = 'InProgress' or (phase = 'Queued' and deleted_at is null))
            order by queue_position nulls first, id
            """, connection);
        command.Parameters.AddWithValue("clusterId", clusterId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var backups = new List<QueuedBackup>();
        while (await reader.ReadAsync(cancellationToken))
        {
            backups.Add(new QueuedBackup(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3), new BackupSpec
                {
                    IncludedNamespaces = reader.IsDBNull(4) ? null : reader.GetFieldValue<string[]>(4),
                    ExcludedNamespaces = reader.IsDBNull(5) ? null : reader.GetFieldValue<string[]>(5),
                }));
        }

        return backups;
    }

    /// <summary>Queued → InProgress as attempt 1, its heartbeat starting now.</summary>
    public static async Task<bool> MarkStartedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string uid,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with changed as (
                update backups set phase = 'InProgress', started_at = @now, attempt = attempt + 1, last_heartbeat_at = @now,
                                   queue_position = null
                where uid = @uid and phase = 'Queued'
                returning uid)
            insert into backup_phase_history (backup_uid, phase, at) select uid, 'InProgress', @now from changed
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Numbers the cluster's queue 1..n again, keeping its order; returns the backups whose position changed.</summary>
    public static async Task<List<string>> RenumberQueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string clusterId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with ordered as (
                select uid, row_number() over (order by queue_position, id)::integer as position from backups
                where cluster_id = @clusterId and phase = 'Queued' and deleted_at is null)
            update backups b set queue_position = o.position from ordered o
            where b.uid = o.uid and b.queue_position is distinct from o.position
            returning b.uid
            """, connection, transaction);
        command.Parameters.AddWithValue("clusterId", clusterId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changed = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changed.Add(reader.GetString(0));
        }

        return changed;
    }

    /// <summary>Progress and heartbeat of the running attempt.</summary>
    public static async Task<bool> RecordProgressAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        BackupProgressed progress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            update backups set progress_total = @total, progress_backed_up = @backedUp,
                               last_heartbeat_at = greatest(last_heartbeat_at, @now)
            where uid = @uid and attempt = @attempt and phase = 'InProgress'
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", progress.Backup.Uid);
        command.Parameters.AddWithValue("attempt", progress.Attempt);
        command.Parameters.AddWithValue("total", progress.TotalItems);
        command.Parameters.AddWithValue("backedUp", progress.ItemsBackedUp);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>InProgress → Completed or PartiallyFailed, with the snapshotter's counts.</summary>
    public static async Task<bool> MarkCompletedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        BackupCompleted completed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with changed as (
                update backups set phase = @phase, completed_at = @completedAt, progress_total = @total,
                                   progress_backed_up = @backedUp, warnings = @warnings, errors = @errors,
                                   hooks_attempted = @hooksAttempted, hooks_failed = @hooksFailed,
                                   tarball_bytes = @tarballBytes, last_heartbeat_at = @now
                where uid = @uid and attempt = @attempt and phase = 'InProgress'
                returning uid)
            insert into backup_phase_history (backup_uid, phase, at) select uid, @phase, @now from changed
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", completed.Backup.Uid);
        command.Parameters.AddWithValue("attempt", completed.Attempt);
        command.Parameters.AddWithValue("phase", completed.Phase);
        command.Parameters.AddWithValue("completedAt", completed.CompletedAt);
        command.Parameters.AddWithValue("total", completed.TotalItems);
        command.Parameters.AddWithValue("backedUp", completed.ItemsBackedUp);
        command.Parameters.AddWithValue("warnings", completed.Warnings);
        command.Parameters.AddWithValue("errors", completed.Errors);
        command.Parameters.AddWithValue("hooksAttempted", completed.HooksAttempted);
        command.Parameters.AddWithValue("hooksFailed", completed.HooksFailed);
        command.Parameters.AddWithValue("tarballBytes", completed.TarballBytes);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>InProgress → Failed, with the reason.</summary>
    public static async Task<bool> MarkFailedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string uid,
        int attempt, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with changed as (
                update backups set phase = 'Failed', failure_reason = @reason, completed_at = @now
                where uid = @uid and attempt = @attempt and phase = 'InProgress'
                returning uid)
            insert into backup_phase_history (backup_uid, phase, at, reason) select uid, 'Failed', @now, @reason from changed
            """, connection, transaction);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("attempt", attempt);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static async Task<bool> AnyStalledAsync(NpgsqlConnection connection, string clusterId, DateTimeOffset cutoff,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select exists (select 1 from backups
                           where cluster_id = @clusterId and phase = 'InProgress' and last_heartbeat_at < @cutoff)
            """, connection);
        command.Parameters.AddWithValue("clusterId", clusterId);
        command.Parameters.AddWithValue("cutoff", cutoff);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>Running backups of the cluster not heard of since <paramref name="cutoff"/>, locked for this transaction.</summary>
    public static async Task<List<(string Uid, int Attempt)>> LockStalledAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, string clusterId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select uid, attempt from backups
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

    /// <summary>The resource is gone; its record and history stay.</summary>
    public static async Task MarkDeletedAsync(NpgsqlDataSource dataSource, string uid, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update backups set deleted_at = @now where uid = @uid and deleted_at is null");
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static BackupRow Row(NpgsqlDataReader reader) => new()
    {
        Uid = reader.GetString(0),
        Cluster = new ClusterRef { Id = reader.GetString(1), Name = reader.GetString(2) },
        Namespace = reader.GetString(3),
        Name = reader.GetString(4),
        Phase = reader.GetString(5),
        QueuePosition = reader.IsDBNull(6) ? null : reader.GetInt32(6),
        StorageLocation = reader.IsDBNull(7) ? null : reader.GetString(7),
        Attempt = reader.GetInt32(8),
        Defaults = reader.IsDBNull(9) ? null : reader.GetString(9),
        StartedAt = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        CompletedAt = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
        ProgressTotal = reader.IsDBNull(12) ? null : reader.GetInt32(12),
        ProgressBackedUp = reader.IsDBNull(13) ? null : reader.GetInt32(13),
        Warnings = reader.IsDBNull(14) ? null : reader.GetInt32(14),
        Errors = reader.IsDBNull(15) ? null : reader.GetInt32(15),
        HooksAttempted = reader.IsDBNull(16) ? null : reader.GetInt32(16),
        HooksFailed = reader.IsDBNull(17) ? null : reader.GetInt32(17),
        FailureReason = reader.IsDBNull(18) ? null : reader.GetString(18),
        ValidationErrors = reader.IsDBNull(19) ? null : JsonSerializer.Deserialize<List<string>>(reader.GetString(19), OutboxJson.Options),
        TraceParent = reader.IsDBNull(20) ? null : reader.GetString(20),
        DeletedAt = reader.IsDBNull(21) ? null : reader.GetFieldValue<DateTimeOffset>(21),
        CorrelationId = reader.IsDBNull(22) ? null : reader.GetString(22),
    };

    private static object Nullable(object? value) => value ?? DBNull.Value;
}
