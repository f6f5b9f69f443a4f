using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// Every object of an install, in the order upstream's <c>AllResources</c> lists them and they are created: CRDs,
/// namespace, RBAC, Secrets, the broker and database, locations, the server Deployment(s) with their NetworkPolicies and
/// PodDisruptionBudgets, the node agent and its NetworkPolicy.
/// </summary>
public static class InstallManifest
{
    public static IReadOnlyList<object> Objects(InstallOptions options)
    {
        var objects = new List<object>();
        objects.AddRange(ClusterResources.Crds());
        objects.Add(ClusterResources.Namespace(options));
        objects.AddRange(RbacResources.For(options));
        if (options.SecretData is not null)
        {
            objects.Add(SecretResources.CloudCredentials(options, options.SecretData));
        }

        objects.Add(SecretResources.Broker(options));
        objects.Add(SecretResources.Database(options));
        objects.AddRange(BrokerResources.For(options));
        objects.AddRange(DatabaseResources.For(options));
        if (!options.NoDefaultBackupLocation)
        {
            objects.Add(LocationResources.BackupStorageLocation(options));
        }

        // A snapshot location may not be wanted by users relying on file-system backups (upstream's comment).
        if (options.UseVolumeSnapshots)
        {
            objects.Add(LocationResources.VolumeSnapshotLocation(options));
        }

        objects.AddRange(ServerDeployments.For(options));
        objects.AddRange(ServerDeployments.Policies(options));
        if (options.UseNodeAgent)
        {
            objects.Add(NodeAgentDaemonSet.For(options));
            objects.Add(ServerNetworkPolicy.For(options, InstallNames.NodeAgent, NodeAgentDaemonSet.Selector));
        }

        return objects;
    }

    /// <summary><c>--crds-only</c>.</summary>
    public static IReadOnlyList<object> CrdObjects() => [.. ClusterResources.Crds()];

    /// <summary>
    /// The objects as the API server and the printers take them: JSON without <c>status</c> (an empty status is a
    /// validation error on CRDs, upstream's comment) and, as Go prints unstructured objects, keys in sorted order.
    /// </summary>
    public static IReadOnlyList<JsonObject> ToJson(IEnumerable<object> objects) =>
        [.. objects.Select(o =>
        {
            var json = (JsonObject)Sorted(JsonNode.Parse(KubernetesJson.Serialize(o))!);
            json.Remove("status");
            return json;
        })];

    /// <summary>Upstream's <c>v1 List</c> wrapping, for <c>-o json|yaml</c>.</summary>
    public static JsonObject AsList(IReadOnlyList<JsonObject> items) => new()
    {
        ["apiVersion"] = "v1",
        ["items"] = new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]),
        ["kind"] = "List",
    };

    private static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Sorted(p.Value.DeepClone())))),
        JsonArray array => new JsonArray([.. array.Select(item => item is null ? null : Sorted(item.DeepClone()))]),
        _ => node.DeepClone(),
    };

    /// <summary>The pod templates of the workloads among <paramref name="objects"/>, named <c>Kind/name</c>.</summary>
    public static IEnumerable<(string Name, V1PodSpec Spec)> PodSpecs(IEnumerable<object> objects) => objects.SelectMany(o => o switch
    {
        V1Deployment d => [($"Deployment/{d.Metadata.Name}", d.Spec.Template.Spec)],
        V1DaemonSet d => [($"DaemonSet/{d.Metadata.Name}", d.Spec.Template.Spec)],
        V1StatefulSet s => [($"StatefulSet/{s.Metadata.Name}", s.Spec.Template.Spec)],
        _ => Array.Empty<(string, V1PodSpec)>(),
    });
}
