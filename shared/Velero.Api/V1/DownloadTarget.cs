using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class DownloadTarget
{
    [CrdRequired]
    [CrdEnum(typeof(DownloadTargetKind))]
    public string? Kind { get; set; }

    /// <summary>The backup or restore name.</summary>
    [CrdRequired]
    public string? Name { get; set; }
}
