using MassTransit;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Backups;

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
        var now = time.GetUtcNow();
        var changed = await BackupReports.ApplyAsync(dataSource, writer, context, Name, failed.Backup, now,
            (connection, transaction) => BackupStore.MarkFailedAsync(connection, transaction, failed.Backup.Uid, failed.Attempt,
                failed.FailureReason ?? "backup failed", now, context.CancellationToken));
        if (changed)
        {
            queue.Poke();
        }
    }
}
