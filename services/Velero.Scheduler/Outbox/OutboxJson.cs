using System.Text.Json;
using Velero.Contracts.Clusters;

namespace Velero.Scheduler.Outbox;

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Only contract types are ever published from the outbox: a stored type name resolves in the contracts
    /// assembly or not at all.
    /// </summary>
    public static Type ResolveContract(string typeName) =>
        typeof(ClusterRef).Assembly.GetType(typeName, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type '{typeName}' is not a known contract");
}
