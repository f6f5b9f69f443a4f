using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class ServerStatusRequestStatus
{
    [CrdEnum(typeof(ServerStatusRequestPhase))]
    public string? Phase { get; set; }

    [CrdNullable]
    public DateTime? ProcessedTimestamp { get; set; }

    public string? ServerVersion { get; set; }

    [CrdNullable]
    public IList<PluginInfo>? Plugins { get; set; }
}
