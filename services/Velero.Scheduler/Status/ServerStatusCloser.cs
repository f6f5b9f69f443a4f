using Npgsql;
using Velero.Contracts.Clusters;
using Velero.Contracts.Status;
using Velero.Scheduler.Outbox;

namespace Velero.Scheduler.Status;

/// <summary>Processes a status request: marks it and publishes what was collected, in one transaction.</summary>
internal static class ServerStatusCloser
{
    public static async Task<IReadOnlyList<ServerStatusReported>> CloseIfCompleteAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, Guid requestId, ClusterRef cluster, IReadOnlyCollection<string> expectedRoles,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var replies = await ServerStatusStore.ReadRepliesAsync(connection, transaction, requestId, cancellationToken);
        if (Missing(replies, expectedRoles).Count == 0)
        {
            await CloseAsync(connection, transaction, requestId, cluster, replies, expectedRoles, now, cancellationToken);
        }

        return replies;
    }

    public static async Task CloseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid requestId,
        ClusterRef cluster, IReadOnlyList<ServerStatusReported>? replies, IReadOnlyCollection<string> expectedRoles,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        replies ??= await ServerStatusStore.ReadRepliesAsync(connection, transaction, requestId, cancellationToken);
        await ServerStatusStore.MarkProcessedAsync(connection, transaction, requestId, now, cancellationToken);
        await OutboxWriter.EnqueueAsync(connection, transaction, new ServerStatusCollected
        {
            RequestId = requestId,
            Cluster = cluster,
            Services = replies,
            Missing = Missing(replies, expectedRoles),
            CollectedAt = now,
        }, now, cancellationToken);
    }

    private static List<string> Missing(IReadOnlyList<ServerStatusReported> replies, IReadOnlyCollection<string> expectedRoles) =>
        [.. expectedRoles.Where(role => !replies.Any(r => r.Service == role)).Order(StringComparer.Ordinal)];
}
