using Velero.Contracts.Clusters;

namespace Velero.Contracts.Status;

/// <summary>
/// Someone asked which services are running (the flow behind <c>velero version</c> and <c>velero plugin get</c>).
/// Published to every service; each answers with <see cref="ServerStatusReported"/>.
/// </summary>
public sealed record ServerStatusRequested
{
    /// <summary>Correlates the answers; a request is idempotent on it.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The cluster the request was made for (a ServerStatusRequest lives in one cluster).</summary>
    public required ClusterRef Cluster { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Who asked, for operators: a CLI user, a ServerStatusRequest name, another system.</summary>
    public string? RequestedBy { get; init; }
}
