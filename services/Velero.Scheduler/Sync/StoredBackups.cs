using System.IO.Compression;
using k8s;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;
using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;

namespace Velero.Scheduler.Sync;

/// <summary>The backups a storage location holds, read as upstream's backup store reads them (spec 1.2).</summary>
internal static class StoredBackups
{
    /// <summary>The names under <c>backups/</c> (upstream's ListBackups: the common prefixes, whatever they hold).</summary>
    public static async Task<IReadOnlySet<string>> ListNamesAsync(ObjectStoreLocation location, CancellationToken cancellationToken)
    {
        var prefixes = await location.ListCommonPrefixesAsync(BackupLayout.BackupsDirectory, "/", cancellationToken);
        return prefixes
            .Select(p => p[BackupLayout.BackupsDirectory.Length..].TrimEnd('/'))
            .Where(n => n.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The stored Backup (<c>velero-backup.json</c>), or null when the backup has none: it does not exist.</summary>
    public static async Task<Backup?> ReadAsync(ObjectStoreLocation location, string name, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await location.GetAsync(BackupLayout.BackupMetadata(name), cancellationToken);
            using var reader = new StreamReader(body);
            return KubernetesJson.Deserialize<Backup>(await reader.ReadToEndAsync(cancellationToken));
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The backup's PodVolumeBackups; a missing file, or upstream's <c>null</c>, is none.</summary>
    public static async Task<IReadOnlyList<PodVolumeBackup>> ReadPodVolumeBackupsAsync(ObjectStoreLocation location, string name,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await location.GetAsync(BackupLayout.BackupPodVolumeBackups(name), cancellationToken);
            await using var gzip = new GZipStream(body, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            var text = await reader.ReadToEndAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) || text.Trim() == "null"
                ? []
                : KubernetesJson.Deserialize<List<PodVolumeBackup>>(text) ?? [];
        }
        catch (ObjectNotFoundException)
        {
            return [];
        }
    }
}
