using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Contracts.Status;
using Velero.Scheduler.Outbox;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Scheduler.Status;

/// <summary>
/// Records a service's answer: its last-seen status, and the answer on the open request, which is processed
/// as soon as every expected role has answered.
/// </summary>
internal sealed class ServerStatusReportedConsumer(NpgsqlDataSource dataSource, IOptions<StatusOptions> options,
    TimeProvider time) : IConsumer<ServerStatusReported>
{
    private const string Name = "server-status-reported";

    public async Task Consume(ConsumeContext<ServerStatusReported> context)
    {
        var reply = context.Message;
        Validate(reply);
        var cancellationToken = context.CancellationToken;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await Inbox.TryMarkProcessedAsync(connection, transaction, Name, context.MessageId!.Value, now, cancellationToken))
        {
            // An answer can overtake the request it answers (they travel on different queues).
            await ServerStatusStore.RecordRequestAsync(connection, transaction, reply.RequestId, reply.Cluster,
                reply.ReportedAt, requestedBy: null, source: null, now, cancellationToken);
            var open = await ServerStatusStore.LockOpenRequestAsync(connection, transaction, reply.RequestId, cancellationToken);
            await ServerStatusStore.RecordReplyAsync(connection, transaction, reply, open, cancellationToken);
            if (open)
            {
                await ServerStatusCloser.CloseIfCompleteAsync(connection, transaction, reply.RequestId, reply.Cluster,
                    options.Value.ExpectedRoles, now, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static void Validate(ServerStatusReported reply)
    {
        var problems = new List<string>();
        if (reply.RequestId == Guid.Empty)
        {
            problems.Add("requestId is empty");
        }

        if (reply.Cluster is null || string.IsNullOrWhiteSpace(reply.Cluster.Id))
        {
            problems.Add("cluster.id is empty");
        }

        if (string.IsNullOrWhiteSpace(reply.Service) || string.IsNullOrWhiteSpace(reply.Instance))
        {
            problems.Add("service and instance are required");
        }

        if (problems.Count > 0)
        {
            throw new InvalidMessageException("Invalid ServerStatusReported: " + string.Join(", ", problems));
        }
    }
}
