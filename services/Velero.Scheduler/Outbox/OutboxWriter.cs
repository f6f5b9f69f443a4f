using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Velero.Scheduler.Outbox;

/// <summary>
/// Records messages to publish in the caller's transaction, so a state change and the messages it causes
/// commit or roll back together. The <see cref="OutboxDispatcher"/> publishes them after commit.
/// </summary>
internal static class OutboxWriter
{
    /// <summary>Postgres NOTIFY channel that wakes the dispatcher when a transaction with messages commits.</summary>
    internal const string Channel = "velero_outbox";

    public static async Task<Guid> EnqueueAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, T message,
        DateTimeOffset now, CancellationToken cancellationToken)
        where T : class
    {
        var messageId = Guid.NewGuid();
        // The trace goes on from the code that caused the message, through the dispatcher, to its consumers.
        var activity = Activity.Current;
        await using var command = new NpgsqlCommand("""
            insert into outbox_messages (message_id, message_type, body, trace_parent, trace_state, created_at)
            values (@id, @type, @body, @traceParent, @traceState, @now);
            select pg_notify(@channel, '');
            """, connection, transaction);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("type", typeof(T).FullName!);
        command.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(message, OutboxJson.Options));
        command.Parameters.AddWithValue("traceParent", (object?)activity?.Id ?? DBNull.Value);
        command.Parameters.AddWithValue("traceState", (object?)activity?.TraceStateString ?? DBNull.Value);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("channel", Channel);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return messageId;
    }
}
