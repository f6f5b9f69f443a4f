using k8s;
using k8s.Models;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Kubernetes.Clusters;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Scheduler.Requests;

/// <summary>
/// The one way a bus request becomes a resource, for backups and restores alike: check the request, find its cluster,
/// claim its id in <c>requests</c>, answer a repeat with what the first delivery created, otherwise build and create (or
/// adopt) the resource and record it. Anything that can never succeed refuses the request with a reason; a transient
/// fault is retried, and on the last delivery becomes a refusal too, so no request ends unanswered.
/// </summary>
internal sealed class RequestProcessor(
    NpgsqlDataSource dataSource,
    ClusterRegistry clusters,
    IOptions<BusOptions> bus,
    TimeProvider time,
    ILogger<RequestProcessor> logger)
{
    /// <param name="check">The request's ticket; throws <see cref="RequestRefusedException"/> for a malformed request.</param>
    /// <param name="build">The resource to create, named and annotated by the ticket.</param>
    /// <param name="readPhase">The recorded phase of the resource with this uid, if the scheduler has taken it in.</param>
    public async Task<RequestOutcome> ProcessAsync<T>(ConsumeContext context, string kind, Func<RequestTicket> check,
        Func<RequestTicket, ClusterConnection, CancellationToken, Task<T>> build,
        Func<NpgsqlConnection, string, CancellationToken, Task<string?>> readPhase)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var cancellationToken = context.CancellationToken;
        var lastAttempt = context.GetRetryAttempt() >= bus.Value.RetryLimit;
        RequestTicket? ticket = null;
        NpgsqlConnection? connection = null;
        try
        {
            ticket = check();
            var cluster = RequestClusters.Resolve(clusters, ticket.Cluster, lastAttempt);
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var row = await RequestStore.ClaimAsync(connection, ticket, time.GetUtcNow(), cancellationToken);
            if (row.Kind != kind)
            {
                throw new RequestRefusedException(
                    $"request id {ticket.RequestId} was already used for a {row.Kind.ToLowerInvariant()} request");
            }

            if (row is { State: RequestStore.Created, ResourceUid: { } uid })
            {
                return new RequestOutcome { Request = row, Repeated = true, Phase = await readPhase(connection, uid, cancellationToken) };
            }

            var resource = await build(ticket, cluster, cancellationToken);
            var (created, adopted) = await ResourceCreation.CreateOrAdoptAsync(cluster.Client, resource, ticket, cancellationToken);
            await RequestStore.MarkCreatedAsync(connection, ticket.RequestId, cluster.Identity!, ticket.Namespace, ticket.Name,
                created.Metadata.Uid, time.GetUtcNow(), cancellationToken);
            row = await RequestStore.ReadAsync(connection, ticket.RequestId, cancellationToken) ?? row;
            logger.LogInformation("{Kind} request {RequestId} ({CorrelationId}): {Cluster}/{Name} {Action}", kind,
                ticket.RequestId, ticket.CorrelationId, cluster.Name, ticket.Name, adopted ? "already created" : "created");
            return new RequestOutcome
            {
                Request = row,
                Repeated = adopted,
                Phase = adopted ? await readPhase(connection, created.Metadata.Uid, cancellationToken) : null,
            };
        }
        catch (RequestRefusedException e)
        {
            return await RefuseAsync(connection, ticket, kind, e.Message, cancellationToken);
        }
        catch (Exception e) when (lastAttempt && !cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            return await RefuseAsync(connection, ticket, kind,
                $"the {kind.ToLowerInvariant()} request could not be processed: {e.Message}", cancellationToken);
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Recorded when the request got as far as the database: a request refused earlier was never claimed.</summary>
    private async Task<RequestOutcome> RefuseAsync(NpgsqlConnection? connection, RequestTicket? ticket, string kind, string reason,
        CancellationToken cancellationToken)
    {
        logger.LogWarning("{Kind} request {RequestId} refused: {Reason}", kind, ticket?.RequestId, reason);
        if (connection is { State: System.Data.ConnectionState.Open } && ticket is not null)
        {
            try
            {
                await RequestStore.MarkFailedAsync(connection, ticket, reason, time.GetUtcNow(), cancellationToken);
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning("Recording the refusal of request {RequestId} failed: {Reason}", ticket.RequestId, e.Message);
            }
        }

        return RequestOutcome.Refused(reason);
    }
}
