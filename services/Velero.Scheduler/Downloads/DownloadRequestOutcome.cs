namespace Velero.Scheduler.Downloads;

/// <summary>What handling one DownloadRequest did.</summary>
internal enum DownloadRequestOutcome
{
    /// <summary>Answered: phase <c>Processed</c>, a URL, an expiration.</summary>
    Processed,

    /// <summary>Already answered, or already tried, and not expired: nothing to do until it is.</summary>
    Unchanged,

    /// <summary>Expired (processed or not) and deleted, as upstream.</summary>
    Deleted,

    /// <summary>Its backup, restore or location does not exist or cannot be opened: left unanswered until it expires.</summary>
    Unresolved,

    /// <summary>A transient failure (API server, object storage): left unanswered and tried again at the next resync.</summary>
    Failed,
}
