using System.Text.Json.Nodes;
using k8s;
using Velero.Api.V1;
using Velero.Restorer.Actions;
using Velero.Restorer.Engine;

namespace Velero.Restorer.Tests.Support;

/// <summary>Builds the context a restore item action runs in, with a client that points nowhere unless a test gives one.</summary>
public static class ActionContexts
{
    public static RestoreItemContext For(
        string groupResource,
        JsonObject item,
        Action<RestoreSpec>? restore = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? pluginConfig = null,
        k8s.Kubernetes? client = null,
        RestoreLog? log = null)
    {
        var spec = new RestoreSpec { BackupName = "b1" };
        restore?.Invoke(spec);
        return new RestoreItemContext
        {
            Restore = new Restore { Metadata = new() { Name = "r1", NamespaceProperty = "velero" }, Spec = spec },
            Backup = new Backup { Metadata = new() { Name = "b1", NamespaceProperty = "velero" } },
            Client = client ?? new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" }),
            GroupResource = groupResource,
            BackedUpItem = (JsonObject)item.DeepClone(),
            TargetNamespace = (string?)item["metadata"]?["namespace"],
            NamespaceMapping = spec.NamespaceMapping is null ? new Dictionary<string, string>() : new Dictionary<string, string>(spec.NamespaceMapping),
            PluginConfig = pluginConfig ?? new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            Log = log ?? new RestoreLog(TimeProvider.System, "velero/r1"),
            Hooks = new HookCounter(),
        };
    }

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();
}
