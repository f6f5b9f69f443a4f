using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Velero.Contracts.Clusters;
using Velero.Contracts.Status;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Status;

/// <summary>The scheduler's SQL for status requests, their answers and each service's last-seen status.</summary>
internal static class ServerStatusStore
{
    /// <summary>
    /// Records a status request, or completes the record an earlier message made (an answer can overtake its request,
    /// and only the resource path knows the ServerStatusRequest it came from). True when this call created it.
    /// </summary>
    public static async Task<bool> RecordRequestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid requestId,
        ClusterRef cluster, DateTimeOffset requestedAt, string? requestedBy, (string Namespace, string Name)? source,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            insert into server_status_requests (request_id, cluster_id, cluster_name, requested_by, requested_at, first_seen_at,
                                                trace_parent, source_namespace, source_name)
            values (@id, @clusterId, @clusterName, @requestedBy, @requestedAt, @now, @traceParent, @sourceNamespace, @sourceName)
            on conflict (request_id) do update set
                requested_by = coalesce(server_status_requests.requested_by, excluded.requested_by),
                source_namespace = coalesce(server_status_requests.source_namespace, excluded.source_namespace),
                source_name = coalesce(server_status_requests.source_name, excluded.source_name)
            returning (xmax = 0)
            """, connection, transaction);
        command.Parameters.AddWithValue("id", requestId);
        command.Parameters.AddWithValue("clusterId", cluster.Id);
        command.Parameters.AddWithValue("clusterName", cluster.Name);
        command.Parameters.AddWithValue("requestedBy", (object?)requestedBy ?? DBNull.Value);
        command.Parameters.AddWithValue("requestedAt", requestedAt);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("traceParent", (object?)Activity.Current?.Id ?? DBNull.Value);
        command.Parameters.AddWithValue("sourceNamespace", (object?)source?.Namespace ?? DBNull.Value);
        command.Parameters.AddWithValue("sourceName", (object?)source?.Name ?? DBNull.Value);
        // xmax is 0 on a row this statement inserted, and set on one it updated.
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>The ServerStatusRequest resource a request came from, if it came from one.</summary>
    public static async Task<(string Namespace, string Name)?> ReadSourceAsync(NpgsqlDataSource dataSource, Guid requestId,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select source_namespace, source_name from server_status_requests where request_id = @id and source_name is not null");
        command.Parameters.AddWithValue("id", requestId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Locks the request row so answers to one request are applied one at a time; true while it is open.</summary>
    public static async Task<bool> LockOpenRequestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid requestId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select phase from server_status_requests where request_id = @id for update", connection, transaction);
        command.Parameters.AddWithValue("id", requestId);
        return await command.ExecuteScalarAsync(cancellationToken) as string == "New";
    }

    public static async Task RecordReplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        ServerStatusReported reply, bool requestOpen, CancellationToken cancellationToken)
    {
        var plugins = JsonSerializer.Serialize(reply.Plugins, OutboxJson.Options);
        // Last-seen status only moves forward in time, whatever order answers arrive in.
        var sql = """
            insert into service_status (service, instance, version, plugins, cluster_id, cluster_name, last_request_id, last_seen_at)
            values (@service, @instance, @version, @plugins, @clusterId, @clusterName, @requestId, @reportedAt)
            on conflict (service, instance) do update set
                version = excluded.version, plugins = excluded.plugins, cluster_id = excluded.cluster_id,
                cluster_name = excluded.cluster_name, last_request_id = excluded.last_request_id,
                last_seen_at = excluded.last_seen_at
            where service_status.last_seen_at <= excluded.last_seen_at;
            """;
        if (requestOpen)
        {
            sql += """
                insert into server_status_replies (request_id, service, instance, version, plugins, clusters, reported_at)
                values (@requestId, @service, @instance, @version, @plugins, @clusters, @reportedAt)
                on conflict do nothing;
                """;
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("service", reply.Service);
        command.Parameters.AddWithValue("instance", reply.Instance);
        command.Parameters.AddWithValue("version", reply.Version);
        command.Parameters.AddWithValue("plugins", NpgsqlDbType.Jsonb, plugins);
        command.Parameters.AddWithValue("clusters", NpgsqlDbType.Jsonb,
            JsonSerializer.Serialize(reply.Clusters ?? [], OutboxJson.Options));
        command.Parameters.AddWithValue("clusterId", reply.Cluster.Id);
        command.Parameters.AddWithValue("clusterName", reply.Cluster.Name);
        command.Parameters.AddWithValue("requestId", reply.RequestId);
        command.Parameters.AddWithValue("reportedAt", reply.ReportedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<ServerStatusReported>> ReadRepliesAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, Guid requestId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select r.service, r.instance, r.version, r.plugins::text, r.reported_at, q.cluster_id, q.cluster_name, r.clusters::text
            from server_status_replies r join server_status_requests q using (request_id)
            where r.request_id = @id
            order by r.service, r.instance
            """, connection, transaction);
        command.Parameters.AddWithValue("id", requestId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var replies = new List<ServerStatusReported>();
        while (await reader.ReadAsync(cancellationToken))
        {
            replies.Add(new ServerStatusReported
            {
                RequestId = requestId,
                Service = reader.GetString(0),
                Instance = reader.GetString(1),
                Version = reader.GetString(2),
                Plugins = JsonSerializer.Deserialize<List<PluginInfo>>(reader.GetString(3), OutboxJson.Options) ?? [],
                ReportedAt = reader.GetFieldValue<DateTimeOffset>(4),
                Cluster = new ClusterRef { Id = reader.GetString(5), Name = reader.GetString(6) },
                Clusters = JsonSerializer.Deserialize<List<ClusterRef>>(reader.GetString(7), OutboxJson.Options) ?? [],
            });
        }

        return replies;
    }

    /// <summary>Open requests whose collection window has passed, locked for this transaction.</summary>
    public static async Task<List<ExpiredRequest>> LockExpiredAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select request_id, cluster_id, cluster_name, trace_parent from server_status_requests
            where phase = 'New' and first_seen_at <= @cutoff
            order by first_seen_at
            limit 100
            for update skip locked
            """, connection, transaction);
        command.Parameters.AddWithValue("cutoff", cutoff);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expired = new List<ExpiredRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            expired.Add(new ExpiredRequest(reader.GetGuid(0), new ClusterRef { Id = reader.GetString(1), Name = reader.GetString(2) },
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return expired;
    }

    public static async Task MarkProcessedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid requestId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            update server_status_requests set phase = 'Processed', processed_at = @now
            where request_id = @id and phase = 'New'
            """, connection, transaction);
        command.Parameters.AddWithValue("id", requestId);
        command.Parameters.AddWithValue("now", now);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Status request {requestId} was not open");
        }
    }

    internal sealed record ExpiredRequest(Guid RequestId, ClusterRef Cluster, string? TraceParent);
}
