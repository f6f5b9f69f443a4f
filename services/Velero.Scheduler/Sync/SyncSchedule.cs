using Velero.Api;
using Velero.Api.V1;

namespace Velero.Scheduler.Sync;

/// <summary>Which locations a sync pass takes, and in which order (upstream's locationFilterFunc and order function).</summary>
internal static class SyncSchedule
{
    /// <summary>
    /// The location's sync period: its <c>spec.backupSyncPeriod</c> when set (zero turns sync off, a negative one falls
    /// back to the server's), else the server's; a server period of zero or less is one minute, as upstream.
    /// </summary>
    public static TimeSpan? PeriodOf(BackupStorageLocation location, TimeSpan serverPeriod)
    {
        var period = serverPeriod > TimeSpan.Zero ? serverPeriod : TimeSpan.FromMinutes(1);
        if (location.Spec?.BackupSyncPeriod is { Length: > 0 } text && GoDuration.TryParse(text, out var own))
        {
            if (own == TimeSpan.Zero)
            {
                return null;
            }

            if (own > TimeSpan.Zero)
            {
                period = own;
            }
        }

        return period;
    }

    /// <summary>Available, sync not turned off, and never synced or last synced a period ago.</summary>
    public static bool IsDue(BackupStorageLocation location, TimeSpan serverPeriod, DateTimeOffset now)
    {
        if (location.Status?.Phase != BackupStorageLocationPhase.Available || PeriodOf(location, serverPeriod) is not { } period)
        {
            return false;
        }

        return location.Status.LastSyncedTime is not { } last
               || now >= new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)) + period;
    }

    /// <summary>The default location first, the others in the order listed.</summary>
    public static IReadOnlyList<BackupStorageLocation> Order(IEnumerable<BackupStorageLocation> locations)
    {
        var list = locations.ToList();
        return [.. list.Where(l => l.Spec?.Default == true), .. list.Where(l => l.Spec?.Default != true)];
    }
}
