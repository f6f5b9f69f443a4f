using MassTransit;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Scheduler.Backups;

/// <summary>
/// A snapshotter finished a backup: the running attempt ends <c>Completed</c> or <c>PartiallyFailed</c> with its counts,
/// in the record, its history and on the resource, and the queue moves on. A backup that already ended (a redelivery,
/// a stalled backup failed meanwhile) does not move; its resource is written again as recorded.
/// </summary>
internal sealed class BackupCompletedConsumer(NpgsqlDataSource dataSource, BackupResourceWriter writer, BackupQueueSignal queue,
    TimeProvider time) : IConsumer<BackupCompleted>
{
    private const string Name = "backup-completed";

    public async Task Consume(ConsumeContext<BackupCompleted> context)
    {
        var completed = context.Message;
        BackupMessages.Validate(nameof(BackupCompleted), completed.Backup, completed.Attempt);
        if (completed.Phase is not (BackupPhase.Completed or BackupPhase.PartiallyFailed))
        {
            throw new InvalidMessageException($"Invalid BackupCompleted: phase must be Completed or PartiallyFailed, got '{completed.Phase}'");
        }

        var now = time.GetUtcNow();
        var changed = await BackupReports.ApplyAsync(dataSource, writer, context, Name, completed.Backup, now,
            (connection, transaction) => BackupStore.MarkCompletedAsync(connection, transaction, completed, now,
                context.CancellationToken),
            writeUnchanged: true);
        if (changed)
        {
            queue.Poke();
        }
    }
}
