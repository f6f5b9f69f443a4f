using MassTransit;
using Npgsql;
using Velero.Contracts.Backups;

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
        var now = time.GetUtcNow();
        await BackupReports.ApplyAsync(dataSource, writer, context, Name, progress.Backup, now,
            (connection, transaction) => BackupStore.RecordProgressAsync(connection, transaction, progress, now,
                context.CancellationToken));
    }
}
