using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class PluginInfo
{
    [CrdRequired]
    public string? Name { get; set; }

    [CrdRequired]
    public string? Kind { get; set; }
}
