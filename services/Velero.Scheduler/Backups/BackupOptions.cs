using System.ComponentModel.DataAnnotations;

namespace Velero.Scheduler.Backups;

/// <summary>Section <c>Scheduler:Backups</c>.</summary>
internal sealed class BackupOptions
{
    public const string Section = "Scheduler:Backups";

    /// <summary>
    /// How many backups of one cluster run at once (upstream's <c>--concurrent-backups</c>, 1 there: snapshotters are
    /// separate workers here, so several run together).
    /// </summary>
    [Range(1, 1000)]
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// A running backup no snapshotter reported on for this long ends <c>Failed</c>: snapshotters report at least every
    /// 10 s, so silence means the one working on it is gone.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often the queue is looked at when nothing wakes it (a backup queued or ended wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often every cluster's Backups are listed again, for any a failed intake left <c>New</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>--default-backup-ttl</c>: a backup without <c>spec.ttl</c> expires this long after it starts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromHours(720);

    /// <summary><c>--default-backup-storage-location</c>, used when no location is marked default.</summary>
    [Required]
    public string DefaultStorageLocation { get; set; } = "default";
}
