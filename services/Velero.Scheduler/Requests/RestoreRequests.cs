using k8s.Models;
using Velero.Api.V1;
using Velero.Contracts.Requests;

namespace Velero.Scheduler.Requests;

/// <summary>What a <see cref="RequestRestore"/> asks for, checked, and the Restore resource it becomes.</summary>
internal static class RestoreRequests
{
    /// <summary>
    /// The ticket and the spec, or <see cref="RequestRefusedException"/>. Which backup it names is left to intake, which
    /// validates it as upstream does and ends a wrong one <c>FailedValidation</c> with upstream's message.
    /// </summary>
    public static (RequestTicket Ticket, RestoreSpec Spec) Check(RequestRestore request, string veleroNamespace)
    {
        var ticket = RequestTicket.From(RequestKind.Restore, request.RequestId, request.CorrelationId, request.Cluster,
            request.Namespace, request.Name, veleroNamespace);
        return (ticket, RequestSpecs.Read<RestoreSpec>(request.Spec, nameof(RestoreSpec)));
    }

    public static Restore Build(RequestRestore request, RequestTicket ticket, RestoreSpec spec) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = ticket.Name,
            NamespaceProperty = ticket.Namespace,
            Labels = request.Labels is { Count: > 0 } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : null,
            Annotations = RequestAnnotations.For(ticket),
        },
        Spec = spec,
    };
}
