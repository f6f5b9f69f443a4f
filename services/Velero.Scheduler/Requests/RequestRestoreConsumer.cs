using MassTransit;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.Contracts.Requests;
using Velero.Contracts.Restores;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Restores;

namespace Velero.Scheduler.Requests;

/// <summary>
/// A system asked for a restore over the bus: the Restore resource is created in its cluster (then validated and run like
/// any other), and the request answered with <see cref="RestoreRequestAccepted"/> or <see cref="RestoreRequestFailed"/>.
/// Idempotent on the request id.
/// </summary>
internal sealed class RequestRestoreConsumer(RequestProcessor processor, IOptions<VeleroNamespaceOptions> velero, TimeProvider time)
    : IConsumer<RequestRestore>
{
    public async Task Consume(ConsumeContext<RequestRestore> context)
    {
        var request = context.Message;
        RestoreSpec? spec = null;
        var outcome = await processor.ProcessAsync(context, RequestKind.Restore,
            () =>
            {
                (var ticket, spec) = RestoreRequests.Check(request, velero.Value.Namespace);
                return ticket;
            },
            (ticket, _, _) => Task.FromResult(RestoreRequests.Build(request, ticket, spec!)),
            async (connection, uid, cancellationToken) => (await RestoreStore.ReadAsync(connection, null, uid, cancellationToken))?.Phase);

        if (outcome.Request is { } created)
        {
            await context.Publish(new RestoreRequestAccepted
            {
                RequestId = created.RequestId,
                CorrelationId = created.CorrelationId,
                Restore = new RestoreRef
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

        await context.Publish(new RestoreRequestFailed
        {
            RequestId = request.RequestId,
            CorrelationId = request.CorrelationId ?? "",
            Cluster = request.Cluster ?? "",
            Reason = outcome.Reason!,
            FailedAt = time.GetUtcNow(),
        });
    }
}
