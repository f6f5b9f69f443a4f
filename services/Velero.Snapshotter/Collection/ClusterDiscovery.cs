using System.Text.Json.Nodes;
using Velero.Kubernetes.Raw;
using Velero.Selection.Namespaces;
using Velero.Selection.Resources;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// The namespaces the collector learns about before it lists anything, with their labels and phase.
/// </summary>
internal static class ClusterDiscovery
{
    /// <summary>Every namespace, with the raw object kept for backing up the Namespace items themselves.</summary>
    public static async Task<IReadOnlyList<(ClusterNamespace Namespace, JsonObject Object)>> NamespacesAsync(
        ClusterApi api, DiscoveredResource namespaces, int pageSize, CancellationToken cancellationToken)
    {
        var result = new List<(ClusterNamespace, JsonObject)>();
        string? next = null;
        do
        {
            var page = await api.ListPageAsync(namespaces, null, "", pageSize, next, cancellationToken);
            foreach (var item in page.Items)
            {
                var facts = ItemFacts.Of(item);
                var phase = (string?)item["status"]?["phase"];
                result.Add((new ClusterNamespace(facts.Name, facts.Labels, phase is null or "Active"), item));
            }

            next = page.Continue;
        }
        while (next is not null);

        return result;
    }
}
