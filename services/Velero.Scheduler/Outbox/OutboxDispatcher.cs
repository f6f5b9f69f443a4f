using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Velero.Scheduler.Outbox;

/// <summary>
/// Publishes committed outbox messages, woken by NOTIFY and by a poll as a backstop. A message is marked
/// dispatched only after the broker confirmed it; a crash in between publishes it again with the same
/// message id, which consumers' inboxes absorb. Replicas share the work through <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
internal sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IBus bus,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retryDelay = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"listen {OutboxWriter.Channel}", listener))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    while (await DispatchBatchAsync(stoppingToken) == options.Value.BatchSize)
                    {
                    }

                    await PruneIfDueAsync(stoppingToken);
                    retryDelay = TimeSpan.FromMilliseconds(500);
                    await listener.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Outbox dispatch failed, retrying in {Delay}: {Reason}", retryDelay, e.Message);
                await Task.Delay(retryDelay, time, stoppingToken);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, TimeSpan.FromSeconds(15).Ticks));
            }
        }
    }

    /// <summary>Publishes up to one batch of pending messages; returns how many.</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var pending = await ReadPendingAsync(connection, transaction, cancellationToken);
        foreach (var message in pending)
        {
            await PublishAsync(message, cancellationToken);
        }

        if (pending.Count > 0)
        {
            await using var mark = new NpgsqlCommand(
                "update outbox_messages set dispatched_at = @now where sequence = any(@sequences)", connection, transaction);
            mark.Parameters.AddWithValue("now", time.GetUtcNow());
            mark.Parameters.AddWithValue("sequences", pending.Select(m => m.Sequence).ToArray());
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        SchedulerTelemetry.OutboxPublished.Add(pending.Count);
        return pending.Count;
    }

    private async Task PublishAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        var type = OutboxJson.ResolveContract(message.Type);
        var body = JsonSerializer.Deserialize(message.Body, type, OutboxJson.Options)
                   ?? throw new InvalidOperationException($"Outbox message {message.MessageId} has an empty body");
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = SchedulerTelemetry.Source.StartActivity("outbox dispatch", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.MessageId);
        await bus.Publish(body, type, Pipe.Execute<PublishContext>(context => context.MessageId = message.MessageId),
            cancellationToken);
    }

    private async Task<List<PendingMessage>> ReadPendingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand("""
            select sequence, message_id, message_type, body::text, trace_parent, trace_state
            from outbox_messages
            where dispatched_at is null
            order by sequence
            limit @batch
            for update skip locked
            """, connection, transaction);
        select.Parameters.AddWithValue("batch", options.Value.BatchSize);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new PendingMessage(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return pending;
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextPrune)
        {
            return;
        }

        _nextPrune = now + PruneInterval;
        await using var prune = dataSource.CreateCommand("""
            delete from outbox_messages where dispatched_at < @cutoff;
            delete from inbox_messages where processed_at < @cutoff;
            """);
        prune.Parameters.AddWithValue("cutoff", now - options.Value.Retention);
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record PendingMessage(long Sequence, Guid MessageId, string Type, string Body, string? TraceParent,
        string? TraceState);
}
