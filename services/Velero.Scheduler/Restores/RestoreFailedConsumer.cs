using MassTransit;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Restores;

namespace Velero.Scheduler.Restores;

/// <summary>
/// A restorer could not finish a restore (<c>Failed</c>): the running attempt ends <c>Failed</c> with the reason and the
/// counts reached, and a slot frees. <c>FailedValidation</c> events, and the <c>Failed</c> ones the scheduler publishes
/// itself, find no running attempt and change nothing.
/// </summary>
internal sealed class RestoreFailedConsumer(NpgsqlDataSource dataSource, RestoreResourceWriter writer, RestoreQueueSignal queue,
    TimeProvider time) : IConsumer<RestoreFailed>
{
    private const string Name = "restore-failed";

    public async Task Consume(ConsumeContext<RestoreFailed> context)
    {
        var failed = context.Message;
        if (failed.Phase != RestorePhase.Failed)
        {
            // Only the scheduler validates: a FailedValidation event is its own, already recorded.
            return;
        }

        RestoreMessages.Validate(nameof(RestoreFailed), failed.Restore, failed.Attempt);
        var now = time.GetUtcNow();
        var changed = await RestoreReports.ApplyAsync(dataSource, writer, context, Name, failed.Restore, now,
            (connection, transaction) => RestoreStore.MarkFailedAsync(connection, transaction, failed.Restore.Uid, failed.Attempt,
                failed.FailureReason ?? "restore failed", failed, now, context.CancellationToken));
        if (changed)
        {
            queue.Poke();
        }
    }
}
