using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

/// <summary>One pod volume to back up with the file-system uploader (spec 3.6).</summary>
public sealed class PodVolumeBackupSpec
{
    [CrdRequired]
    public string? Node { get; set; }

    [CrdRequired]
    public V1ObjectReference? Pod { get; set; }

    [CrdRequired]
    public string? Volume { get; set; }

    [CrdRequired]
    public string? BackupStorageLocation { get; set; }

    /// <summary>Always empty since the unified repository.</summary>
    [CrdRequired]
    public string? RepoIdentifier { get; set; }

    [CrdEnum(typeof(UploaderType))]
    public string? UploaderType { get; set; }

    /// <summary>Snapshot tags: <c>backup</c>, <c>backup-uid</c>, <c>pod</c>, <c>pod-uid</c>, <c>ns</c>, <c>volume</c>, <c>pvc-uid</c>.</summary>
    public IDictionary<string, string>? Tags { get; set; }

    /// <summary>E.g. <c>ParallelFilesUpload</c>.</summary>
    [CrdNullable]
    public IDictionary<string, string>? UploaderSettings { get; set; }

    public bool? Cancel { get; set; }
}
