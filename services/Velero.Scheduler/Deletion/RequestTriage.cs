namespace Velero.Scheduler.Deletion;

/// <summary>What the deletion controller does with a DeleteBackupRequest it lists.</summary>
internal enum RequestTriage
{
    /// <summary>Processed recently: left for <c>velero backup describe</c> to show.</summary>
    Skip,

    /// <summary>Processed or in progress for 24 hours: deleted (upstream's <c>deleteBackupRequestMaxAge</c>).</summary>
    Expire,

    /// <summary>New: processed from the start.</summary>
    Process,

    /// <summary>
    /// In progress but nobody at it: the replica processing it stopped (deletion runs under the cluster's lock, which
    /// the holder of a request in progress would still hold). Deleting is idempotent, so it is processed again. Upstream
    /// skips such a request, leaving its backup Deleting until the request expires.
    /// </summary>
    Resume,
}
