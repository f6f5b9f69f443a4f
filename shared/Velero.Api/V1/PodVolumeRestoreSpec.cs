using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class PodVolumeRestoreSpec
{
    [CrdRequired]
    public V1ObjectReference? Pod { get; set; }

    [CrdRequired]
    public string? Volume { get; set; }

    [CrdRequired]
    public string? BackupStorageLocation { get; set; }

    [CrdRequired]
    public string? RepoIdentifier { get; set; }

    [CrdEnum(typeof(UploaderType))]
    public string? UploaderType { get; set; }

    [CrdRequired]
    public string? SnapshotID { get; set; }

    [CrdRequired]
    public string? SourceNamespace { get; set; }

    /// <summary>E.g. <c>WriteSparseFiles</c>, <c>ParallelFilesDownload</c>.</summary>
    [CrdNullable]
    public IDictionary<string, string>? UploaderSettings { get; set; }

    public bool? Cancel { get; set; }

    public long? SnapshotSize { get; set; }
}
