using System.ComponentModel.DataAnnotations;

namespace Velero.Scheduler.Sync;

/// <summary>Section <c>Scheduler:Sync</c>: backup sync from storage locations into clusters (spec 7.3).</summary>
internal sealed class SyncOptions
{
    public const string Section = "Scheduler:Sync";

    /// <summary>
    /// <c>--backup-sync-period</c>: how often a location without <c>spec.backupSyncPeriod</c> is synced. Upstream
    /// treats zero or less as one minute (only a location's own zero turns its sync off).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the locations of every cluster are looked at for one whose period has passed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Off: no location is synced (upstream's <c>--disable-controllers=backup-sync</c>).</summary>
    public bool Enabled { get; set; } = true;
}
