using Npgsql;

namespace Velero.Scheduler.Outbox;

/// <summary>
/// Makes a consumer idempotent: it records the message id in the same transaction as its effects, and a
/// redelivered message (same id) finds the row and is acknowledged without changing anything again.
/// </summary>
internal static class Inbox
{
    /// <summary>True when this is the first time <paramref name="consumer"/> sees the message.</summary>
    public static async Task<bool> TryMarkProcessedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string consumer, Guid messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            insert into inbox_messages (consumer, message_id, processed_at) values (@consumer, @id, @now)
            on conflict do nothing
            """, connection, transaction);
        command.Parameters.AddWithValue("consumer", consumer);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
