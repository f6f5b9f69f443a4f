using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class UploaderConfigForRestore
{
    [CrdNullable]
    public bool? WriteSparseFiles { get; set; }

    public int? ParallelFilesDownload { get; set; }
}
