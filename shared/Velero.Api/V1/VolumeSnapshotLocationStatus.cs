using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class VolumeSnapshotLocationStatus
{
    [CrdEnum(typeof(VolumeSnapshotLocationPhase))]
    public string? Phase { get; set; }
}
