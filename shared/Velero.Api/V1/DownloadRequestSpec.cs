using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class DownloadRequestSpec
{
    [CrdRequired]
    public DownloadTarget? Target { get; set; }
}
