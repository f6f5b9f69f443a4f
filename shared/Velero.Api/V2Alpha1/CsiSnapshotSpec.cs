using Velero.Api.Crds;

namespace Velero.Api.V2Alpha1;

public sealed class CsiSnapshotSpec
{
    [CrdRequired]
    public string? VolumeSnapshot { get; set; }

    [CrdRequired]
    public string? StorageClass { get; set; }

    public string? SnapshotClass { get; set; }

    public string? Driver { get; set; }
}
