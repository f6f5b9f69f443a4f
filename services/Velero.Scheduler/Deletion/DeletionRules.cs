using Velero.Api.V1;

namespace Velero.Scheduler.Deletion;

/// <summary>
/// The decisions of upstream's backup deletion controller (pkg/controller/backup_deletion_controller.go), in its order
/// and words, apart from the cluster reads and writes they lead to.
/// </summary>
internal static class DeletionRules
{
    /// <summary>Upstream's <c>deleteBackupRequestMaxAge</c>.</summary>
    public static readonly TimeSpan RequestMaxAge = TimeSpan.FromHours(24);

    /// <summary>Phases of a backup not yet ended: the scheduler may still queue, dispatch or finish it.</summary>
    private static readonly HashSet<string> Running = new(StringComparer.Ordinal)
    {
        "", BackupPhase.New, BackupPhase.Queued, BackupPhase.ReadyToStart, BackupPhase.InProgress,
    };

    public static RequestTriage Triage(DeleteBackupRequest request, DateTimeOffset now)
    {
        var phase = request.Status?.Phase ?? "";
        if (phase is DeleteBackupRequestPhase.Processed or DeleteBackupRequestPhase.InProgress)
        {
            var created = request.Metadata.CreationTimestamp is { } at
                ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
                : now;
            if (now - created >= RequestMaxAge)
            {
                return RequestTriage.Expire;
            }

            return phase == DeleteBackupRequestPhase.Processed ? RequestTriage.Skip : RequestTriage.Resume;
        }

        return RequestTriage.Process;
    }

    /// <summary>
    /// Upstream's backup tracker holds the backups its controllers are running; here the catalog's record is the
    /// authority (and the resource, for a backup the scheduler has not taken in yet).
    /// </summary>
    public static bool InProgress(string? resourcePhase, string? recordPhase) =>
        (recordPhase is not null && Running.Contains(recordPhase))
        || (recordPhase is null && Running.Contains(resourcePhase ?? ""));

    /// <summary>Why the location does not allow deleting (upstream's messages, in its order), or null when it does.</summary>
    public static string? LocationRejection(string locationName, BackupStorageLocation? location)
    {
        if (location is null)
        {
            return $"backup storage location {locationName} not found";
        }

        if (location.Spec.AccessMode == BackupStorageLocationAccessMode.ReadOnly)
        {
            return $"cannot delete backup because backup storage location {location.Metadata.Name} is currently in read-only mode";
        }

        return IsAvailable(location)
            ? null
            : $"cannot delete backup because backup storage location {location.Metadata.Name} is currently in Unavailable state";
    }

    /// <summary>Upstream's <c>BSLIsAvailable</c>: validated and found <c>Available</c>.</summary>
    public static bool IsAvailable(BackupStorageLocation location) =>
        location.Status?.Phase == BackupStorageLocationPhase.Available;

    /// <summary>
    /// Whether the backup is deleted because it expired: the garbage collector asks only for expired backups (a user
    /// deleting an expired one counts the same), and requests carry nothing saying who made them.
    /// </summary>
    public static bool Expired(Backup? backup, DateTimeOffset now) =>
        backup?.Status?.Expiration is { } expiration
        && new DateTimeOffset(DateTime.SpecifyKind(expiration, DateTimeKind.Utc)) <= now;
}
