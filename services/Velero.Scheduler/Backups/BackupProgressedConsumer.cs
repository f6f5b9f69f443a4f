using MassTransit;
using Npgsql;
using Velero.Contracts.Backups;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Backups;

/// <summary>Records a running backup's progress and heartbeat, and shows the progress on its resource.</summary>
internal sealed class BackupProgressedConsumer(NpgsqlDataSource dataSource, BackupResourceWriter writer, TimeProvider time)
    : IConsumer<BackupProgressed>
{
    private const string Name = "backup-progressed";

    public async Task Consume(ConsumeContext<BackupProgressed> context)
    {
        var progress = context.Message;
        BackupMessages.Validate(nameof(BackupProgressed), progress.Backup, progress.Attempt);
        var cancellationToken = context.CancellationToken;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (await BackupClusterLock.AcquireAsync(connection, progress.Backup.Cluster.Id, cancellationToken))
        {
            bool changed;
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                changed = await Inbox.TryMarkProcessedAsync(connection, transaction, Name, context.MessageId ?? Guid.NewGuid(), now,
                              cancellationToken)
                          && await BackupStore.RecordProgressAsync(connection, transaction, progress, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (changed && await BackupStore.ReadAsync(connection, null, progress.Backup.Uid, cancellationToken) is { } row)
            {
                await writer.WriteAsync(row, withDefaults: false, cancellationToken);
            }
        }
    }
}
