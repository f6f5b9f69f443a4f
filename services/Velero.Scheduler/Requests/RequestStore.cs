using Npgsql;
using Velero.Contracts.Clusters;

namespace Velero.Scheduler.Requests;

/// <summary>
/// The scheduler's SQL for bus requests. A request id is claimed once; a created request stays created (its answer never
/// changes), a refused one may be claimed again (it created nothing).
/// </summary>
internal static class RequestStore
{
    public const string Creating = "Creating";
    public const string Created = "Created";
    public const string Failed = "Failed";

    /// <summary>Claims the request id (a new one, or a refused one again) and returns its row as it now stands.</summary>
    public static async Task<RequestRow> ClaimAsync(NpgsqlConnection connection, RequestTicket ticket, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using (var claim = new NpgsqlCommand("""
            insert into requests (request_id, kind, correlation_id, cluster, state, first_seen_at, updated_at)
            values (@id, @kind, @correlationId, @cluster, 'Creating', @now, @now)
            on conflict (request_id) do update
                set state = 'Creating', reason = null, correlation_id = excluded.correlation_id, cluster = excluded.cluster,
                    updated_at = excluded.updated_at
                where requests.state = 'Failed' and requests.kind = excluded.kind
            """, connection))
        {
            claim.Parameters.AddWithValue("id", ticket.RequestId);
            claim.Parameters.AddWithValue("kind", ticket.Kind);
            claim.Parameters.AddWithValue("correlationId", ticket.CorrelationId);
            claim.Parameters.AddWithValue("cluster", ticket.Cluster);
            claim.Parameters.AddWithValue("now", now);
            await claim.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ReadAsync(connection, ticket.RequestId, cancellationToken)
               ?? throw new InvalidOperationException($"Request {ticket.RequestId} was not recorded");
    }

    public static async Task<RequestRow?> ReadAsync(NpgsqlConnection connection, Guid requestId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select request_id, kind, correlation_id, state, cluster_id, cluster_name, namespace, name, resource_uid, reason
            from requests where request_id = @id
            """, connection);
        command.Parameters.AddWithValue("id", requestId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new RequestRow
        {
            RequestId = reader.GetGuid(0),
            Kind = reader.GetString(1),
            CorrelationId = reader.GetString(2),
            State = reader.GetString(3),
            Cluster = reader.IsDBNull(4) ? null : new ClusterRef { Id = reader.GetString(4), Name = reader.GetString(5) },
            Namespace = reader.IsDBNull(6) ? null : reader.GetString(6),
            Name = reader.IsDBNull(7) ? null : reader.GetString(7),
            ResourceUid = reader.IsDBNull(8) ? null : reader.GetString(8),
            Reason = reader.IsDBNull(9) ? null : reader.GetString(9),
        };
    }

    /// <summary>Creating → Created with the resource. Racing deliveries adopted the same resource, so the first one wins harmlessly.</summary>
    public static async Task MarkCreatedAsync(NpgsqlConnection connection, Guid requestId, ClusterRef cluster, string @namespace,
        string name, string uid, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            update requests set state = 'Created', cluster_id = @clusterId, cluster_name = @clusterName, namespace = @namespace,
                                name = @name, resource_uid = @uid, reason = null, updated_at = @now
            where request_id = @id and state <> 'Created'
            """, connection);
        command.Parameters.AddWithValue("id", requestId);
        command.Parameters.AddWithValue("clusterId", cluster.Id);
        command.Parameters.AddWithValue("clusterName", cluster.Name);
        command.Parameters.AddWithValue("namespace", @namespace);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("uid", uid);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records a refusal with its reason, unless the request (of the same kind) already created its resource.</summary>
    public static async Task MarkFailedAsync(NpgsqlConnection connection, RequestTicket ticket, string reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            insert into requests (request_id, kind, correlation_id, cluster, state, reason, first_seen_at, updated_at)
            values (@id, @kind, @correlationId, @cluster, 'Failed', @reason, @now, @now)
            on conflict (request_id) do update set state = 'Failed', reason = excluded.reason, updated_at = excluded.updated_at
                where requests.state <> 'Created' and requests.kind = excluded.kind
            """, connection);
        command.Parameters.AddWithValue("id", ticket.RequestId);
        command.Parameters.AddWithValue("kind", ticket.Kind);
        command.Parameters.AddWithValue("correlationId", ticket.CorrelationId);
        command.Parameters.AddWithValue("cluster", ticket.Cluster);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
