using System.Text.Json.Nodes;
using k8s;
using Velero.Api.V1;
using Velero.Restorer.Actions;
using Velero.Restorer.Engine;

namespace Velero.Restorer.Tests.Hooks;

/// <summary>Restore item contexts for pods restored from <c>shop</c> into <c>shop-restored</c>, with the given spec hooks.</summary>
internal static class HookContexts
{
    public static RestoreItemContext For(k8s.Kubernetes client, JsonObject pod, params RestoreResourceHookSpec[] hooks)
    {
        var mapping = new Dictionary<string, string> { ["shop"] = RestoreHookCluster.Namespace };
        var restore = new Restore
        {
            Metadata = new() { Name = "r1", NamespaceProperty = "velero" },
            Spec = new RestoreSpec
            {
                BackupName = "b1",
                NamespaceMapping = mapping,
                Hooks = new RestoreHooks { Resources = hooks },
            },
        };
        return new RestoreItemContext
        {
            Restore = restore,
            Backup = new Backup { Metadata = new() { Name = "b1", NamespaceProperty = "velero" } },
            Client = client,
            GroupResource = "pods",
            BackedUpItem = pod.DeepClone().AsObject(),
            TargetNamespace = RestoreHookCluster.Namespace,
            NamespaceMapping = mapping,
            PluginConfig = new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            Log = new RestoreLog(TimeProvider.System, "r1"),
            Hooks = new HookCounter(),
        };
    }

    /// <summary>A client for tests that never reach a cluster.</summary>
    public static k8s.Kubernetes Offline() => new(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" });

    /// <summary>The restore's errors filed under <paramref name="namespace"/>, in order.</summary>
    public static IReadOnlyList<string> Errors(RestoreItemContext context, string @namespace = RestoreHookCluster.Namespace) =>
        context.Log.Results().Errors.Namespaces?.TryGetValue(@namespace, out var list) == true ? [.. list] : [];

    public static IReadOnlyList<string> Warnings(RestoreItemContext context, string @namespace = RestoreHookCluster.Namespace) =>
        context.Log.Results().Warnings.Namespaces?.TryGetValue(@namespace, out var list) == true ? [.. list] : [];
}
