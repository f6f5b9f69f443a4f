using Velero.Contracts.Clusters;

namespace Velero.Contracts.Status;

/// <summary>One running service's answer to <see cref="ServerStatusRequested"/>.</summary>
public sealed record ServerStatusReported
{
    public required Guid RequestId { get; init; }

    public required ClusterRef Cluster { get; init; }

    /// <summary>The role that answers: <c>scheduler</c>, <c>snapshotter</c>, <c>uploader</c> or <c>restorer</c>.</summary>
    public required string Service { get; init; }

    /// <summary>The process that answers (host name and process id), to tell replicas apart.</summary>
    public required string Instance { get; init; }

    public required string Version { get; init; }

    public required IReadOnlyList<PluginInfo> Plugins { get; init; }

    public required DateTimeOffset ReportedAt { get; init; }

    /// <summary>The clusters this instance can reach now: cluster-bound work goes to workers that reach its cluster.</summary>
    public IReadOnlyList<ClusterRef>? Clusters { get; init; }
}
