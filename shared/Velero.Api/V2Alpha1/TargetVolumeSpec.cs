using Velero.Api.Crds;

namespace Velero.Api.V2Alpha1;

public sealed class TargetVolumeSpec
{
    [CrdRequired]
    public string? Pvc { get; set; }

    [CrdRequired]
    public string? Pv { get; set; }

    [CrdRequired]
    public string? Namespace { get; set; }
}
