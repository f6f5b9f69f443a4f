using System.Text.Json.Nodes;

namespace Velero.Cli.Install;

/// <summary>
/// API paths of the kinds an install writes. Like upstream's fixed kind-to-resource table: an install only ever
/// creates these kinds, so there is no discovery round trip.
/// </summary>
public static class ObjectPaths
{
    private static readonly Dictionary<string, string> Plurals = new(StringComparer.Ordinal)
    {
        ["CustomResourceDefinition"] = "customresourcedefinitions",
        ["Namespace"] = "namespaces",
        ["ClusterRole"] = "clusterroles",
        ["ClusterRoleBinding"] = "clusterrolebindings",
        ["Role"] = "roles",
        ["RoleBinding"] = "rolebindings",
        ["ServiceAccount"] = "serviceaccounts",
        ["Secret"] = "secrets",
        ["ConfigMap"] = "configmaps",
        ["Service"] = "services",
        ["NetworkPolicy"] = "networkpolicies",
        ["PodDisruptionBudget"] = "poddisruptionbudgets",
        ["StatefulSet"] = "statefulsets",
        ["Deployment"] = "deployments",
        ["DaemonSet"] = "daemonsets",
        ["BackupStorageLocation"] = "backupstoragelocations",
        ["VolumeSnapshotLocation"] = "volumesnapshotlocations",
    };

    /// <summary><c>Kind/name</c>, as upstream's install names an object in its output.</summary>
    public static string Id(JsonObject item) => $"{(string?)item["kind"]}/{(string?)item["metadata"]?["name"]}";

    public static string Collection(JsonObject item)
    {
        var apiVersion = (string)item["apiVersion"]!;
        var kind = (string)item["kind"]!;
        var @namespace = (string?)item["metadata"]?["namespace"];
        return Collection(apiVersion, Plurals[kind], @namespace);
    }

    public static string Item(JsonObject item) => $"{Collection(item)}/{Uri.EscapeDataString((string)item["metadata"]!["name"]!)}";

    public static string Collection(string apiVersion, string plural, string? @namespace)
    {
        var root = apiVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{apiVersion}" : $"/api/{apiVersion}";
        return string.IsNullOrEmpty(@namespace) ? $"{root}/{plural}" : $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{plural}";
    }
}
