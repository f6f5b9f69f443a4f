using System.ComponentModel.DataAnnotations;

namespace Velero.Scheduler.Deletion;

/// <summary>Section <c>Scheduler:Deletion</c>.</summary>
internal sealed class DeletionOptions
{
    public const string Section = "Scheduler:Deletion";

    /// <summary>
    /// How often every cluster's DeleteBackupRequests (and Restores being deleted) are listed again besides the watch
    /// (upstream re-enqueues requests hourly): requests whose handling failed are retried, old ones expire.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Objects of a backup's folder deleted at once.</summary>
    [Range(1, 256)]
    public int DeleteParallelism { get; set; } = 16;

    /// <summary>
    /// How long a deleted Restore keeps its finalizer while its files in storage cannot be deleted (location
    /// Unavailable, storage refusing): after that the Restore goes and the files stay, with a warning in the log.
    /// Upstream retries forever, which can leave a Restore terminating for good.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RestoreCleanupTimeout { get; set; } = TimeSpan.FromHours(1);
}
