using System.ComponentModel.DataAnnotations;

namespace Velero.Scheduler.Restores;

/// <summary>Section <c>Scheduler:Restores</c>.</summary>
internal sealed class RestoreOptions
{
    public const string Section = "Scheduler:Restores";

    /// <summary>
    /// How many restores of one cluster run at once. Upstream runs one at a time per server; restorers are separate
    /// workers here, so several run together, and the rest wait (still <c>New</c>) oldest first.
    /// </summary>
    [Range(1, 1000)]
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// A running restore no restorer reported on for this long ends <c>Failed</c>: restorers report at least every 10 s,
    /// so silence means the one working on it is gone.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often waiting restores are looked at when nothing wakes the dispatcher.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often every cluster's Restores are listed again, for any a failed intake left <c>New</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upstream's <c>--default-item-operation-timeout</c>: <c>spec.itemOperationTimeout</c> when it is unset or zero.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DefaultItemOperationTimeout { get; set; } = TimeSpan.FromHours(4);
}
