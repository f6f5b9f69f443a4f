namespace Velero.Selection.Resources;

/// <summary>
/// Types the backup controller appends to the exclude lists of every backup (<c>autoExclude*Resources</c> in
/// <c>pkg/controller/backup_controller.go</c>): Velero backs up only the CSI snapshots it creates itself.
/// </summary>
public static class AutoExcludedResources
{
    public const string VolumeSnapshots = "volumesnapshots.snapshot.storage.k8s.io";
    public const string VolumeSnapshotContents = "volumesnapshotcontents.snapshot.storage.k8s.io";

    public static IReadOnlyList<string> NamespaceScoped { get; } = [VolumeSnapshots];

    public static IReadOnlyList<string> ClusterScoped { get; } = [VolumeSnapshotContents];
}
