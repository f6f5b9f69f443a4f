using Velero.Contracts.Clusters;

namespace Velero.Contracts.Backups;

/// <summary>
/// Names one Backup resource: its cluster, the Velero namespace it lives in, its name and its uid. The uid tells a
/// backup from a later one of the same name (a name is reused after deletion, a uid never).
/// </summary>
public sealed record BackupRef
{
    public required ClusterRef Cluster { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    /// <summary>
    /// The correlation id of the backup: the <c>correlationId</c> of the <c>RequestBackup</c> that created it, or the
    /// <c>velero-services.io/correlation-id</c> annotation a user put on the resource; null when it has none. Every event
    /// about the backup carries it, so a caller follows its request by this field alone.
    /// </summary>
    public string? CorrelationId { get; init; }
}
