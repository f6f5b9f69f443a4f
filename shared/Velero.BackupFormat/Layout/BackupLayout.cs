namespace Velero.BackupFormat.Layout;

/// <summary>
/// The keys of a backup storage location, relative to its root (the location's prefix): the one place that
/// knows Velero's layout (spec 1.1 to 1.3), so readers and writers cannot drift apart.
/// </summary>
public static class BackupLayout
{
    public const string BackupsDirectory = "backups/";
    public const string RestoresDirectory = "restores/";

    /// <summary>The only top-level directories a valid location holds (loose files at the root are fine).</summary>
    public static IReadOnlyList<string> TopLevelDirectories { get; } =
        ["backups/", "restores/", "restic/", "metadata/", "plugins/", "kopia/"];

    public static string BackupPrefix(string backup) => $"backups/{backup}/";

    /// <summary>Its existence is what makes a backup exist (sync imports on it): written last.</summary>
    public static string BackupMetadata(string backup) => $"backups/{backup}/velero-backup.json";

    public static string BackupTarball(string backup) => $"backups/{backup}/{backup}.tar.gz";

    public static string BackupLog(string backup) => $"backups/{backup}/{backup}-logs.gz";

    public static string BackupResults(string backup) => $"backups/{backup}/{backup}-results.gz";

    public static string BackupResourceList(string backup) => $"backups/{backup}/{backup}-resource-list.json.gz";

    public static string BackupVolumeSnapshots(string backup) => $"backups/{backup}/{backup}-volumesnapshots.json.gz";

    public static string BackupPodVolumeBackups(string backup) => $"backups/{backup}/{backup}-podvolumebackups.json.gz";

    public static string BackupItemOperations(string backup) => $"backups/{backup}/{backup}-itemoperations.json.gz";

    public static string BackupVolumeInfo(string backup) => $"backups/{backup}/{backup}-volumeinfo.json.gz";

    /// <summary>Legacy, read-only since Velero 1.17.</summary>
    public static string BackupCsiVolumeSnapshots(string backup) => $"backups/{backup}/{backup}-csi-volumesnapshots.json.gz";

    /// <summary>Legacy, read-only since Velero 1.17.</summary>
    public static string BackupCsiVolumeSnapshotContents(string backup) =>
        $"backups/{backup}/{backup}-csi-volumesnapshotcontents.json.gz";

    public static string RestorePrefix(string restore) => $"restores/{restore}/";

    public static string RestoreLog(string restore) => $"restores/{restore}/restore-{restore}-logs.gz";

    public static string RestoreResults(string restore) => $"restores/{restore}/restore-{restore}-results.gz";

    public static string RestoreResourceList(string restore) => $"restores/{restore}/restore-{restore}-resource-list.json.gz";

    public static string RestoreItemOperations(string restore) => $"restores/{restore}/restore-{restore}-itemoperations.json.gz";

    /// <summary>Upstream writes this one without the <c>restore-</c> prefix; mirrored as is.</summary>
    public static string RestoreVolumeInfo(string restore) => $"restores/{restore}/{restore}-volumeinfo.json.gz";
}
