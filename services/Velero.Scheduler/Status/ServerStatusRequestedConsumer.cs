using MassTransit;
using Npgsql;
using Velero.Contracts.Status;
using Velero.Scheduler.Outbox;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Scheduler.Status;

/// <summary>Records a status request, which opens its collection window.</summary>
internal sealed class ServerStatusRequestedConsumer(NpgsqlDataSource dataSource, TimeProvider time)
    : IConsumer<ServerStatusRequested>
{
    private const string Name = "server-status-requested";

    public async Task Consume(ConsumeContext<ServerStatusRequested> context)
    {
        var message = context.Message;
        if (message.RequestId == Guid.Empty || message.Cluster is null)
        {
            throw new InvalidMessageException("ServerStatusRequested needs a requestId and a cluster");
        }

        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        if (await Inbox.TryMarkProcessedAsync(connection, transaction, Name, context.MessageId ?? message.RequestId, now,
                context.CancellationToken))
        {
            await ServerStatusStore.RecordRequestAsync(connection, transaction, message.RequestId, message.Cluster,
                message.RequestedAt, message.RequestedBy, source: null, now, context.CancellationToken);
        }

        await transaction.CommitAsync(context.CancellationToken);
    }
}
