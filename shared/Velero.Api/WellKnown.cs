namespace Velero.Api;

/// <summary>
/// The <c>velero.io</c> API group and versions, and the label and annotation keys Velero reads and writes
/// (spec 3.14). Label values derived from names go through the label-value shortener (spec 1.8) before use.
/// </summary>
public static class WellKnown
{
    public const string Group = "velero.io";
    public const string V1 = "v1";
    public const string V2Alpha1 = "v2alpha1";
    public const string V1ApiVersion = Group + "/" + V1;
    public const string V2Alpha1ApiVersion = Group + "/" + V2Alpha1;

    public const string DefaultNamespace = "velero";

    // Labels.
    public const string BackupNameLabel = "velero.io/backup-name";
    public const string BackupUidLabel = "velero.io/backup-uid";
    public const string RestoreNameLabel = "velero.io/restore-name";
    public const string RestoreUidLabel = "velero.io/restore-uid";
    public const string ScheduleNameLabel = "velero.io/schedule-name";
    public const string StorageLocationLabel = "velero.io/storage-location";
    public const string PodUidLabel = "velero.io/pod-uid";
    public const string PvcUidLabel = "velero.io/pvc-uid";
    public const string VolumeNamespaceLabel = "velero.io/volume-namespace";
    public const string RepositoryTypeLabel = "velero.io/repository-type";
    public const string DataUploadLabel = "velero.io/data-upload";
    public const string DataDownloadLabel = "velero.io/data-download";
    public const string AsyncOperationIdLabel = "velero.io/async-operation-id";
    public const string PvcNamespaceNameLabel = "velero.io/pvc-namespace-name";
    public const string ResourceUsageLabel = "velero.io/resource-usage";
    public const string ExcludeFromBackupLabel = "velero.io/exclude-from-backup";
    public const string GcFailureLabel = "velero.io/gc-failure";
    public const string VolumeGroupLabel = "velero.io/volume-group";
    public const string PodVolumeBackupLabel = "velero.io/pod-volume-backup";
    public const string PodVolumeRestoreLabel = "velero.io/pod-volume-restore";
    public const string DynamicPvRestoreLabel = "velero.io/dynamic-pv-restore";

    // Label values.
    public const string ResourceUsageDataUpload = "DataUpload";
    public const string ExcludeFromBackupTrue = "true";
    public const string GcFailureBslNotFound = "BSLNotFound";
    public const string GcFailureBslCannotGet = "BSLCannotGet";
    public const string GcFailureBslReadOnly = "BSLReadOnly";
    public const string GcFailureBslUnavailable = "BSLUnavailable";

    /// <summary>Default of <c>spec.volumeGroupSnapshotLabelKey</c>.</summary>
    public const string DefaultVolumeGroupSnapshotLabelKey = VolumeGroupLabel;

    // Annotations set on every backup.
    public const string SourceClusterGitVersionAnnotation = "velero.io/source-cluster-k8s-gitversion";
    public const string SourceClusterMajorVersionAnnotation = "velero.io/source-cluster-k8s-major-version";
    public const string SourceClusterMinorVersionAnnotation = "velero.io/source-cluster-k8s-minor-version";
    public const string ResourceTimeoutAnnotation = "velero.io/resource-timeout";

    // Other annotations.
    public const string PodVolumeTimeoutAnnotation = "velero.io/pod-volume-timeout";
    public const string BackupVolumesAnnotation = "backup.velero.io/backup-volumes";
    public const string BackupVolumesExcludesAnnotation = "backup.velero.io/backup-volumes-excludes";
    public const string SkipFromBackupAnnotation = "velero.io/skip-from-backup";
    public const string MustIncludeAdditionalItemsAnnotation = "backup.velero.io/must-include-additional-items";
    public const string OriginalPvNameAnnotation = "velero.io/original-pv-name";
    public const string RestoreStatusAnnotation = "velero.io/restore-status";
    public const string PvcNameAnnotation = "velero.io/pvc-name";

    /// <summary>
    /// On a PVC, the VolumeSnapshotClass to use; on a VolumeSnapshotClass (as a label, value <c>true</c>), marks the
    /// class Velero picks for its driver; on a backup, <c>velero.io/csi-volumesnapshot-class_&lt;driver&gt;</c>.
    /// </summary>
    public const string CsiVolumeSnapshotClass = "velero.io/csi-volumesnapshot-class";

    /// <summary>The per-driver VolumeSnapshotClass annotation of a backup.</summary>
    public static string CsiVolumeSnapshotClassForDriver(string driver) => $"{CsiVolumeSnapshotClass}_{driver}";
}
