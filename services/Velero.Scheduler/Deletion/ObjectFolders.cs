using Velero.BackupFormat.Layout;
using Velero.ObjectStorage.Locations;

namespace Velero.Scheduler.Deletion;

/// <summary>Deletes every object under a folder of a location (upstream's <c>DeleteBackup</c> and <c>DeleteRestore</c>).</summary>
internal static class ObjectFolders
{
    /// <summary>
    /// Deletes the folder's objects, <paramref name="parallelism"/> at a time, a backup's <c>velero-backup.json</c>
    /// last: until it goes, the backup still exists for every reader (upstream's <c>BackupExists</c>), so an
    /// interrupted deletion leaves a backup that is found and deleted again, never files nobody knows of.
    /// </summary>
    public static async Task<int> DeleteAsync(ObjectStoreLocation location, string prefix, int parallelism,
        CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in location.ListKeysAsync(prefix, cancellationToken))
        {
            keys.Add(key);
        }

        var last = keys.Where(IsBackupMetadata).ToList();
        await Parallel.ForEachAsync(keys.Except(last, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (key, ct) => await location.DeleteAsync(key, ct));
        foreach (var key in last)
        {
            await location.DeleteAsync(key, cancellationToken);
        }

        return keys.Count;
    }

    private static bool IsBackupMetadata(string key) =>
        key.StartsWith(BackupLayout.BackupsDirectory, StringComparison.Ordinal)
        && key.EndsWith("/velero-backup.json", StringComparison.Ordinal);
}
