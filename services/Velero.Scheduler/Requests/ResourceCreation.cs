using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Velero.Kubernetes.Resources;

namespace Velero.Scheduler.Requests;

/// <summary>
/// Creates a request's resource, or adopts the one an earlier delivery of the same request created (same name, same
/// request-id annotation): two deliveries racing each other end with one resource. A name held by anything else refuses
/// the request; so does any other refusal of the API server (4xx), with its message. Server errors are retried.
/// </summary>
internal static class ResourceCreation
{
    public static async Task<(T Resource, bool Adopted)> CreateOrAdoptAsync<T>(IKubernetes client, T resource, RequestTicket ticket,
        CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var resources = new CustomResourceClient<T>(client);
        try
        {
            return (await resources.CreateAsync(resource, cancellationToken), false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = await resources.GetAsync(ticket.Namespace, ticket.Name, cancellationToken)
                           ?? throw new InvalidOperationException($"{ticket.Kind} {ticket.Name} was deleted while it was being created; trying again");
            if (RequestAnnotations.RequestId(existing.Metadata) == ticket.RequestId.ToString())
            {
                return (existing, true);
            }

            throw new RequestRefusedException(
                $"{ticket.Kind.ToLowerInvariant()} \"{ticket.Name}\" already exists in namespace {ticket.Namespace} and was not created by this request");
        }
        catch (HttpOperationException e) when ((int)e.Response.StatusCode is >= 400 and < 500)
        {
            throw new RequestRefusedException(
                $"the API server of cluster \"{ticket.Cluster}\" refused the {ticket.Kind.ToLowerInvariant()}: {ApiMessage(e)}");
        }
    }

    /// <summary>The <c>message</c> of the API server's Status, else its status line.</summary>
    private static string ApiMessage(HttpOperationException e)
    {
        try
        {
            using var status = JsonDocument.Parse(e.Response.Content ?? "");
            if (status.RootElement.ValueKind == JsonValueKind.Object
                && status.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        return $"{(int)e.Response.StatusCode} {e.Response.ReasonPhrase}";
    }
}
