using Velero.Contracts.Clusters;

namespace Velero.Scheduler.Requests;

/// <summary>One row of <c>requests</c>: a request id, what it asked for, and the resource it created once it did.</summary>
internal sealed record RequestRow
{
    public required Guid RequestId { get; init; }

    public required string Kind { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary><c>Creating</c> (claimed; a redelivery goes on creating), <c>Created</c> or <c>Failed</c>.</summary>
    public required string State { get; init; }

    public ClusterRef? Cluster { get; init; }

    public string? Namespace { get; init; }

    public string? Name { get; init; }

    public string? ResourceUid { get; init; }

    public string? Reason { get; init; }
}
