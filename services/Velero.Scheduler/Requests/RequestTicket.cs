using System.Text.RegularExpressions;

namespace Velero.Scheduler.Requests;

/// <summary>
/// What every request must get right before anything is looked up: its id, its correlation id, a cluster, the platform's
/// Velero namespace (the only one the scheduler watches), and a resource name Kubernetes accepts, defaulted from the
/// request id so that racing redeliveries converge on one resource.
/// </summary>
internal sealed partial record RequestTicket
{
    private const int MaxCorrelationIdLength = 253;

    public required string Kind { get; init; }

    public required Guid RequestId { get; init; }

    public required string CorrelationId { get; init; }

    public required string Cluster { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>The ticket, or <see cref="RequestRefusedException"/> listing every problem at once.</summary>
    public static RequestTicket From(string kind, Guid requestId, string? correlationId, string? cluster, string? @namespace,
        string? name, string veleroNamespace)
    {
        var problems = new List<string>();
        if (requestId == Guid.Empty)
        {
            problems.Add("requestId is required");
        }

        if (string.IsNullOrWhiteSpace(correlationId))
        {
            problems.Add("correlationId is required");
        }
        else if (correlationId.Length > MaxCorrelationIdLength)
        {
            problems.Add($"correlationId is longer than {MaxCorrelationIdLength} characters");
        }

        if (string.IsNullOrWhiteSpace(cluster))
        {
            problems.Add("cluster is required");
        }

        var targetNamespace = string.IsNullOrEmpty(@namespace) ? veleroNamespace : @namespace;
        if (targetNamespace != veleroNamespace)
        {
            problems.Add($"namespace \"{@namespace}\" is not the Velero namespace this platform serves (\"{veleroNamespace}\")");
        }

        var resourceName = string.IsNullOrEmpty(name) ? DefaultName(requestId) : name;
        if (resourceName.Length > 253 || !Subdomain().IsMatch(resourceName))
        {
            problems.Add($"name \"{name}\" is not a valid resource name (lowercase letters, digits, '-' and '.', at most 253 characters)");
        }

        if (problems.Count > 0)
        {
            throw new RequestRefusedException($"invalid {kind} request: " + string.Join("; ", problems));
        }

        return new RequestTicket
        {
            Kind = kind,
            RequestId = requestId,
            CorrelationId = correlationId!,
            Cluster = cluster!,
            Namespace = targetNamespace,
            Name = resourceName,
        };
    }

    /// <summary><c>req-</c> and the request id's 32 hex digits: the same for every delivery of the request.</summary>
    public static string DefaultName(Guid requestId) => $"req-{requestId:N}";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();
}
