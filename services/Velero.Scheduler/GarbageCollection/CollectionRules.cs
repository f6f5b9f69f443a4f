using Velero.Api;
using Velero.Api.V1;
using Velero.Scheduler.Deletion;

namespace Velero.Scheduler.GarbageCollection;

/// <summary>The decisions of upstream's garbage collection controller (pkg/controller/gc_controller.go), in its order.</summary>
internal static class CollectionRules
{
    /// <param name="location">The backup's location, null when it does not exist.</param>
    /// <param name="locationUnreadable">The location could not be read (not a not-found).</param>
    public static CollectionDecision Decide(Backup backup, DateTimeOffset now, BackupStorageLocation? location,
        bool locationUnreadable)
    {
        // Upstream keeps a backup whose expiration is after now: one expiring this instant is collected.
        if (backup.Status?.Expiration is not { } expiration
            || new DateTimeOffset(DateTime.SpecifyKind(expiration, DateTimeKind.Utc)) > now)
        {
            return new CollectionDecision(CollectionAction.Keep);
        }

        if (locationUnreadable)
        {
            return new CollectionDecision(CollectionAction.Label, WellKnown.GcFailureBslCannotGet);
        }

        if (location is null)
        {
            return new CollectionDecision(CollectionAction.Label, WellKnown.GcFailureBslNotFound);
        }

        // Upstream checks availability before the access mode, and labels nothing for an Unavailable location.
        if (!DeletionRules.IsAvailable(location))
        {
            return new CollectionDecision(CollectionAction.Retry);
        }

        return location.Spec.AccessMode == BackupStorageLocationAccessMode.ReadOnly
            ? new CollectionDecision(CollectionAction.Label, WellKnown.GcFailureBslReadOnly)
            : new CollectionDecision(CollectionAction.Request);
    }

    /// <summary>Upstream's pending phases: a request in one of them is not made again.</summary>
    public static bool Pending(DeleteBackupRequest request) =>
        (request.Status?.Phase ?? "") is "" or DeleteBackupRequestPhase.New or DeleteBackupRequestPhase.InProgress;
}
