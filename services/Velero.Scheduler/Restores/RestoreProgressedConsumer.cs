using MassTransit;
using Npgsql;
using Velero.Contracts.Restores;

namespace Velero.Scheduler.Restores;

/// <summary>Records a running restore's progress and heartbeat, and shows the progress on its resource.</summary>
internal sealed class RestoreProgressedConsumer(NpgsqlDataSource dataSource, RestoreResourceWriter writer, TimeProvider time)
    : IConsumer<RestoreProgressed>
{
    private const string Name = "restore-progressed";

    public async Task Consume(ConsumeContext<RestoreProgressed> context)
    {
        var progress = context.Message;
        RestoreMessages.Validate(nameof(RestoreProgressed), progress.Restore, progress.Attempt);
        var now = time.GetUtcNow();
        await RestoreReports.ApplyAsync(dataSource, writer, context, Name, progress.Restore, now,
            (connection, transaction) => RestoreStore.RecordProgressAsync(connection, transaction, progress, now,
                context.CancellationToken));
    }
}
