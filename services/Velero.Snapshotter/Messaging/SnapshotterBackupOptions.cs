using System.ComponentModel.DataAnnotations;

namespace Velero.Snapshotter.Messaging;

/// <summary>Section <c>Snapshotter:Backups</c>.</summary>
internal sealed class SnapshotterBackupOptions
{
    public const string Section = "Snapshotter:Backups";

    /// <summary>
    /// How often a running backup reports even when no item moved. Keep it well under the scheduler's
    /// <c>Scheduler:Backups:StallTimeout</c>, after which a silent backup is failed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);
}
