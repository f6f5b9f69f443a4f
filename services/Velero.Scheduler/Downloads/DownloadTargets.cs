using Velero.Api.V1;
using Velero.BackupFormat.Layout;

namespace Velero.Scheduler.Downloads;

/// <summary>
/// What each DownloadRequest target kind names in a location, as upstream's <c>GetDownloadURL</c> maps it (spec 1.10):
/// the key of the file, and whether the target's name is a restore, whose backup gives the location.
/// </summary>
internal static class DownloadTargets
{
    private static readonly Dictionary<string, (bool OfRestore, Func<string, string> Key)> Kinds = new(StringComparer.Ordinal)
    {
        [DownloadTargetKind.BackupContents] = (false, BackupLayout.BackupTarball),
        [DownloadTargetKind.BackupLog] = (false, BackupLayout.BackupLog),
        [DownloadTargetKind.BackupVolumeSnapshots] = (false, BackupLayout.BackupVolumeSnapshots),
        [DownloadTargetKind.BackupItemOperations] = (false, BackupLayout.BackupItemOperations),
        [DownloadTargetKind.BackupResourceList] = (false, BackupLayout.BackupResourceList),
        [DownloadTargetKind.BackupResults] = (false, BackupLayout.BackupResults),
        [DownloadTargetKind.CSIBackupVolumeSnapshots] = (false, BackupLayout.BackupCsiVolumeSnapshots),
        [DownloadTargetKind.CSIBackupVolumeSnapshotContents] = (false, BackupLayout.BackupCsiVolumeSnapshotContents),
        [DownloadTargetKind.BackupVolumeInfos] = (false, BackupLayout.BackupVolumeInfo),
        [DownloadTargetKind.RestoreLog] = (true, BackupLayout.RestoreLog),
        [DownloadTargetKind.RestoreResults] = (true, BackupLayout.RestoreResults),
        [DownloadTargetKind.RestoreResourceList] = (true, BackupLayout.RestoreResourceList),
        [DownloadTargetKind.RestoreItemOperations] = (true, BackupLayout.RestoreItemOperations),
        [DownloadTargetKind.RestoreVolumeInfo] = (true, BackupLayout.RestoreVolumeInfo),
    };

    public static bool IsKnown(string? kind) => kind is not null && Kinds.ContainsKey(kind);

    /// <summary>Restore kinds name a restore: its <c>spec.backupName</c> leads to the location, as upstream.</summary>
    public static bool NamesRestore(string kind) => Kinds[kind].OfRestore;

    /// <summary>The key relative to the location's root; the target name is the backup's or the restore's.</summary>
    public static string KeyOf(string kind, string name) => Kinds[kind].Key(name);
}
