using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class InitRestoreHook
{
    /// <summary>Kept opaque by the API server, as upstream declares them <c>runtime.RawExtension</c>.</summary>
    [CrdPreserveUnknownFields]
    public IList<V1Container>? InitContainers { get; set; }

    public string? Timeout { get; set; }
}
