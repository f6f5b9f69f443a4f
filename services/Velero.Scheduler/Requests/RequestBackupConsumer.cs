using MassTransit;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Contracts.Requests;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Backups;

namespace Velero.Scheduler.Requests;

/// <summary>
/// A system asked for a backup over the bus: the Backup resource is created in its cluster (then taken in, validated,
/// queued and run like any other), and the request answered with <see cref="BackupRequestAccepted"/> or
/// <see cref="BackupRequestFailed"/>. Idempotent on the request id.
/// </summary>
internal sealed class RequestBackupConsumer(RequestProcessor processor, IOptions<VeleroNamespaceOptions> velero, TimeProvider time)
    : IConsumer<RequestBackup>
{
    public async Task Consume(ConsumeContext<RequestBackup> context)
    {
        var request = context.Message;
        BackupSpec? spec = null;
        var outcome = await processor.ProcessAsync(context, RequestKind.Backup,
            () =>
            {
                (var ticket, spec) = BackupRequests.Check(request, velero.Value.Namespace);
                return ticket;
            },
            (ticket, cluster, cancellationToken) => BackupRequests.BuildAsync(request, ticket, spec, cluster.Client, cancellationToken),
            async (connection, uid, cancellationToken) => (await BackupStore.ReadAsync(connection, null, uid, cancellationToken))?.Phase);

        if (outcome.Request is { } created)
        {
            await context.Publish(new BackupRequestAccepted
            {
                RequestId = created.RequestId,
                CorrelationId = created.CorrelationId,
                Backup = new BackupRef
                {
                    Cluster = created.Cluster!,
                    Namespace = created.Namespace!,
                    Name = created.Name!,
                    Uid = created.ResourceUid!,
                    CorrelationId = created.CorrelationId,
                },
                Repeated = outcome.Repeated,
                Phase = outcome.Phase,
                AcceptedAt = time.GetUtcNow(),
            });
            return;
        }

        await context.Publish(new BackupRequestFailed
        {
            RequestId = request.RequestId,
            CorrelationId = request.CorrelationId ?? "",
            Cluster = request.Cluster ?? "",
            Reason = outcome.Reason!,
            FailedAt = time.GetUtcNow(),
        });
    }
}
