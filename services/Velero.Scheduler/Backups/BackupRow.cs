using Velero.Contracts.Backups;
using Velero.Contracts.Clusters;

namespace Velero.Scheduler.Backups;

/// <summary>One row of <c>backups</c>: what the scheduler knows of a backup, and what it writes back to the resource.</summary>
internal sealed record BackupRow
{
    public required string Uid { get; init; }

    public required ClusterRef Cluster { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Phase { get; init; }

    public int? QueuePosition { get; init; }

    public string? StorageLocation { get; init; }

    public int Attempt { get; init; }

    /// <summary>The merge patch intake wrote to the resource (defaults filled by validation), as JSON.</summary>
    public string? Defaults { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public int? ProgressTotal { get; init; }

    public int? ProgressBackedUp { get; init; }

    public int? Warnings { get; init; }

    public int? Errors { get; init; }

    public int? HooksAttempted { get; init; }

    public int? HooksFailed { get; init; }

    public string? FailureReason { get; init; }

    public IReadOnlyList<string>? ValidationErrors { get; init; }

    public string? TraceParent { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>From the resource's <c>velero-services.io/correlation-id</c> annotation at intake; carried in every event.</summary>
    public string? CorrelationId { get; init; }

    public BackupRef Ref => new() { Cluster = Cluster, Namespace = Namespace, Name = Name, Uid = Uid, CorrelationId = CorrelationId };
}
