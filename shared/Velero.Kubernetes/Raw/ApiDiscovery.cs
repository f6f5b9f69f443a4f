using System.Text.Json.Nodes;
using Velero.Selection.Resources;

namespace Velero.Kubernetes.Raw;

/// <summary>The served types in each group's preferred version, from legacy discovery (<c>/api</c> and <c>/apis</c>).</summary>
public static class ApiDiscovery
{
    public static async Task<IReadOnlyList<DiscoveredResource>> DiscoverAsync(ClusterApi api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var resources = new List<DiscoveredResource>();
        var core = await api.GetAsync("/api", cancellationToken);
        var coreVersions = core?["versions"] as JsonArray;
        if (coreVersions is { Count: > 0 })
        {
            // The core group has one version; the first listed is what client-go prefers.
            var version = (string?)coreVersions[0] ?? "v1";
            resources.AddRange(await ResourcesAsync(api, "", version, cancellationToken));
        }

        var groups = await api.GetAsync("/apis", cancellationToken);
        foreach (var group in (groups?["groups"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = (string?)group["name"] ?? "";
            var preferred = (string?)group["preferredVersion"]?["version"]
                ?? (string?)(group["versions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["version"];
            if (name.Length == 0 || preferred is null)
            {
                continue;
            }

            resources.AddRange(await ResourcesAsync(api, name, preferred, cancellationToken));
        }

        return resources;
    }

    private static async Task<IEnumerable<DiscoveredResource>> ResourcesAsync(
        ClusterApi api, string group, string version, CancellationToken cancellationToken)
    {
        var list = await api.GetAsync(ClusterApi.GroupVersionPath(group, version), cancellationToken);
        return (list?["resources"] as JsonArray ?? []).OfType<JsonObject>().Select(r => new DiscoveredResource(
            group,
            version,
            (string?)r["name"] ?? "",
            (string?)r["kind"] ?? "",
            (bool?)r["namespaced"] ?? false,
            Strings(r["shortNames"]),
            (string?)r["singularName"],
            Strings(r["verbs"])));
    }

    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(v => (string?)v).OfType<string>()] : null;
}
