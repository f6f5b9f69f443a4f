using MassTransit;
using Npgsql;
using Velero.Contracts.Restores;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Restores;

/// <summary>
/// How a restorer's report is applied, whatever it says: under the cluster's restore lock, the inbox mark and the state
/// change commit together (a redelivery changes nothing twice), then the resource is written from the record.
/// </summary>
internal static class RestoreReports
{
    /// <summary>True when the report changed the record.</summary>
    /// <param name="writeUnchanged">Write the resource even when nothing changed (a redelivery after a failed write).</param>
    public static async Task<bool> ApplyAsync(NpgsqlDataSource dataSource, RestoreResourceWriter writer, ConsumeContext context,
        string consumer, RestoreRef restore, DateTimeOffset now, Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>> change,
        bool writeUnchanged = false)
    {
        var cancellationToken = context.CancellationToken;
        bool changed;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (await RestoreClusterLock.AcquireAsync(connection, restore.Cluster.Id, cancellationToken))
        {
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                changed = await Inbox.TryMarkProcessedAsync(connection, transaction, consumer, context.MessageId ?? Guid.NewGuid(), now,
                              cancellationToken)
                          && await change(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
            }

            if ((changed || writeUnchanged) && await RestoreStore.ReadAsync(connection, null, restore.Uid, cancellationToken) is { } row)
            {
                await writer.WriteAsync(row, withDefaults: false, cancellationToken);
            }
        }

        return changed;
    }
}
