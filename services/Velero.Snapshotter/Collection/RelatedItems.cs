using System.Text.Json.Nodes;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// The additional items upstream's built-in backup item actions return (spec 4.4): a pod's PersistentVolumeClaims, a
/// bound claim's PersistentVolume, and the ClusterRoleBindings naming a ServiceAccount with their ClusterRoles.
/// </summary>
internal static class RelatedItems
{
    public const string Pvcs = "persistentvolumeclaims";
    public const string Pvs = "persistentvolumes";
    public const string ClusterRoleBindings = "clusterrolebindings.rbac.authorization.k8s.io";
    public const string ClusterRoles = "clusterroles.rbac.authorization.k8s.io";
    public const string ServiceAccounts = "serviceaccounts";
    public const string Pods = "pods";

    /// <summary>Claims of the pod's <c>persistentVolumeClaim</c> volumes, in its namespace.</summary>
    public static IEnumerable<string> PodClaims(JsonObject pod) =>
        (pod["spec"]?["volumes"] as JsonArray ?? [])
            .Select(v => (string?)v?["persistentVolumeClaim"]?["claimName"])
            .OfType<string>()
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal);

    /// <summary>The volume a claim is bound to, if any.</summary>
    public static string? ClaimVolume(JsonObject pvc) => (string?)pvc["spec"]?["volumeName"] is { Length: > 0 } name ? name : null;

    /// <summary>Whether a ClusterRoleBinding has the ServiceAccount among its subjects.</summary>
    public static bool BindsServiceAccount(JsonObject binding, string @namespace, string name) =>
        (binding["subjects"] as JsonArray ?? []).OfType<JsonObject>().Any(s =>
            (string?)s["kind"] == "ServiceAccount" && (string?)s["namespace"] == @namespace && (string?)s["name"] == name);

    /// <summary>The ClusterRole a binding refers to, if it refers to one.</summary>
    public static string? BoundClusterRole(JsonObject binding) =>
        (string?)binding["roleRef"]?["kind"] == "ClusterRole" && (string?)binding["roleRef"]?["name"] is { Length: > 0 } role ? role : null;
}
