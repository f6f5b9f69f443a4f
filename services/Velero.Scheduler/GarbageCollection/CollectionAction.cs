namespace Velero.Scheduler.GarbageCollection;

/// <summary>What the garbage collector does with one backup.</summary>
internal enum CollectionAction
{
    /// <summary>Not expired (or no expiration): left alone.</summary>
    Keep,

    /// <summary>Expired but its location cannot be had or written: the <c>velero.io/gc-failure</c> label says why.</summary>
    Label,

    /// <summary>Expired, its location Unavailable: tried again at the next pass, labels untouched (as upstream).</summary>
    Retry,

    /// <summary>Expired and deletable: the failure label goes, and a DeleteBackupRequest is made unless one is pending.</summary>
    Request,
}
