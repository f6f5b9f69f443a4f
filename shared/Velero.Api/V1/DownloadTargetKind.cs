namespace Velero.Api.V1;

/// <summary>What a DownloadRequest downloads (spec 1.10), in upstream's order.</summary>
public static class DownloadTargetKind
{
    public const string BackupLog = "BackupLog";
    public const string BackupContents = "BackupContents";
    public const string BackupVolumeSnapshots = "BackupVolumeSnapshots";
    public const string BackupItemOperations = "BackupItemOperations";
    public const string BackupResourceList = "BackupResourceList";
    public const string BackupResults = "BackupResults";
    public const string RestoreLog = "RestoreLog";
    public const string RestoreResults = "RestoreResults";
    public const string RestoreResourceList = "RestoreResourceList";
    public const string RestoreItemOperations = "RestoreItemOperations";
    public const string CSIBackupVolumeSnapshots = "CSIBackupVolumeSnapshots";
    public const string CSIBackupVolumeSnapshotContents = "CSIBackupVolumeSnapshotContents";
    public const string BackupVolumeInfos = "BackupVolumeInfos";
    public const string RestoreVolumeInfo = "RestoreVolumeInfo";

    public static IReadOnlyList<string> All { get; } =
    [
        BackupLog,
        BackupContents,
        BackupVolumeSnapshots,
        BackupItemOperations,
        BackupResourceList,
        BackupResults,
        RestoreLog,
        RestoreResults,
        RestoreResourceList,
        RestoreItemOperations,
        CSIBackupVolumeSnapshots,
        CSIBackupVolumeSnapshotContents,
        BackupVolumeInfos,
        RestoreVolumeInfo,
    ];
}
