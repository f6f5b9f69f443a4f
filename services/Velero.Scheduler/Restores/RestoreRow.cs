using Velero.Contracts.Clusters;
using Velero.Contracts.Restores;

namespace Velero.Scheduler.Restores;

/// <summary>One row of <c>restores</c>: what the scheduler knows of a restore, and what it writes back to the resource.</summary>
internal sealed record RestoreRow
{
    public required string Uid { get; init; }

    public required ClusterRef Cluster { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Phase { get; init; }

    public string? BackupName { get; init; }

    public string? ScheduleName { get; init; }

    public string? StorageLocation { get; init; }

    public int Attempt { get; init; }

    /// <summary>The merge patch intake wrote to the resource (spec defaults filled by validation), as JSON.</summary>
    public string? Defaults { get; init; }

    /// <summary>Validated and waiting for a slot (phase still <c>New</c>) since.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public int? ProgressTotal { get; init; }

    public int? ProgressRestored { get; init; }

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

    public RestoreRef Ref => new() { Cluster = Cluster, Namespace = Namespace, Name = Name, Uid = Uid, CorrelationId = CorrelationId };
}
