using System.ComponentModel.DataAnnotations;

namespace Velero.Restorer.Messaging;

/// <summary>Section <c>Restorer:Restores</c>.</summary>
internal sealed class RestorerRestoreOptions
{
    public const string Section = "Restorer:Restores";

    /// <summary>
    /// How many restores one restorer runs at once. Each already restores its items on a worker pool, so a few are enough;
    /// more replicas scale further, competing on the same queue.
    /// </summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 2;

    /// <summary>
    /// How often a running restore reports even when no item moved. Keep it well under the scheduler's
    /// <c>Scheduler:Restores:StallTimeout</c>, after which a silent restore is failed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);
}
