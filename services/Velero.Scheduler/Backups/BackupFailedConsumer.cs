using MassTransit;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Backups;

/// <summary>
/// A snapshotter could not finish a backup (<c>Failed</c>): the running attempt ends <c>Failed</c> with the reason, and the
/// queue moves on. <c>FailedValidation</c> events, and the <c>Failed</c> ones the scheduler publishes itself, find no
/// running attempt and change nothing.
/// </summary>
internal sealed class BackupFailedConsumer(NpgsqlDataSource dataSource, BackupResourceWriter writer, BackupQueueSignal queue,
    TimeProvider time) : IConsumer<BackupFailed>
{
    private const string Name = "backup-failed";

    public async Task Consume(ConsumeContext<BackupFailed> context)
    {
        var failed = context.Message;
        if (failed.Phase != BackupPhase.Failed)
        {
            // Only the scheduler validates: a FailedValidation event is its own, already recorded.
            return;
        }

        BackupMessages.Validate(nameof(BackupFailed), failed.Backup, failed.Attempt);
        var cancellationToken = context.CancellationToken;
        var now = time.GetUtcNow();
        bool changed;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (await BackupClusterLock.AcquireAsync(connection, failed.Backup.Cluster.Id, cancellationToken))
        {
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                changed = await Inbox.TryMarkProcessedAsync(connection, transaction, Name, context.MessageId ?? Guid.NewGuid(), now,
                              cancellationToken)
                          && await BackupStore.MarkFailedAsync(connection, transaction, failed.Backup.Uid, failed.Attempt,
                              failed.FailureReason ?? "backup failed", now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (changed && await BackupStore.ReadAsync(connection, null, failed.Backup.Uid, cancellationToken) is { } row)
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
