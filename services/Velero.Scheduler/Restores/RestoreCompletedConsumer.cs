using MassTransit;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Restores;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Scheduler.Restores;

/// <summary>
/// A restorer finished a restore: the running attempt ends <c>Completed</c> or <c>PartiallyFailed</c> with its counts and
/// hooks, in the record, its history and on the resource, and a slot frees. A restore that already ended (a redelivery, a
/// stalled restore failed meanwhile) does not move; its resource is written again as recorded.
/// </summary>
internal sealed class RestoreCompletedConsumer(NpgsqlDataSource dataSource, RestoreResourceWriter writer, RestoreQueueSignal queue,
    TimeProvider time) : IConsumer<RestoreCompleted>
{
    private const string Name = "restore-completed";

    public async Task Consume(ConsumeContext<RestoreCompleted> context)
    {
        var completed = context.Message;
        RestoreMessages.Validate(nameof(RestoreCompleted), completed.Restore, completed.Attempt);
        if (completed.Phase is not (RestorePhase.Completed or RestorePhase.PartiallyFailed))
        {
            throw new InvalidMessageException($"Invalid RestoreCompleted: phase must be Completed or PartiallyFailed, got '{completed.Phase}'");
        }

        var now = time.GetUtcNow();
        var changed = await RestoreReports.ApplyAsync(dataSource, writer, context, Name, completed.Restore, now,
            (connection, transaction) => RestoreStore.MarkCompletedAsync(connection, transaction, completed, now,
                context.CancellationToken),
            writeUnchanged: true);
        if (changed)
        {
            queue.Poke();
        }
    }
}
