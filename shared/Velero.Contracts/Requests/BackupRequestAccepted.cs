using Velero.Contracts.Backups;

namespace Velero.Contracts.Requests;

/// <summary>
/// The answer to a <see cref="RequestBackup"/> that has its Backup resource: <see cref="Backup"/> names it (with the
/// request's correlation id). Published again for every repeat of the request, naming the same backup; the lifecycle
/// events follow from the backup itself, whichever comes first.
/// </summary>
public sealed record BackupRequestAccepted
{
    public required Guid RequestId { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary>The Backup the request created (cluster, namespace, name, uid, correlation id).</summary>
    public required BackupRef Backup { get; init; }

    /// <summary>True when an earlier delivery of the same request created the backup and this one created nothing.</summary>
    public required bool Repeated { get; init; }

    /// <summary>The backup's phase as the scheduler last recorded it; null when it has not taken the backup in yet.</summary>
    public string? Phase { get; init; }

    public required DateTimeOffset AcceptedAt { get; init; }
}
