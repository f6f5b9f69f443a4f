using MassTransit;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Scheduler.Outbox;
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

        var cancellationToken = context.CancellationToken;
        var now = time.GetUtcNow();
        bool changed;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (await BackupClusterLock.AcquireAsync(connection, completed.Backup.Cluster.Id, cancellationToken))
        {
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                changed = await Inbox.TryMarkProcessedAsync(connection, transaction, Name, context.MessageId ?? Guid.NewGuid(), now,
                              cancellationToken)
                          && await BackupStore.MarkCompletedAsync(connection, transaction, completed, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            // Written even when nothing changed: a redelivery after a failed write brings the resource in line.
            if (await BackupStore.ReadAsync(connection, null, completed.Backup.Uid, cancellationToken) is { } row)
            {
                await writer.WriteAsync(row, withDefaults: false, cancellationToken);
            }
        }

        if (changed)
        {
            queue.Poke();
        }
    }
}
