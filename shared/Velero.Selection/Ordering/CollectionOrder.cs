using System.Collections.Frozen;
using Velero.Selection.Items;
using Velero.Selection.Resources;

namespace Velero.Selection.Ordering;

/// <summary>
/// The order in which a backup lists resource types (<c>getItems</c>/<c>getGroupItems</c>/<c>getResourceItems</c> in
/// <c>pkg/backup/item_collector.go</c>): groups in discovery order with <c>extensions</c> last; in the core group
/// <c>pods</c>, <c>persistentvolumeclaims</c>, <c>persistentvolumes</c>, then the rest; types excluded by the backup
/// dropped; and a cohabiting type (served by two groups) listed only from the first group that passes the filter.
/// </summary>
public static class CollectionOrder
{
    /// <summary>Resource name to the two groups that serve the same objects.</summary>
    public static IReadOnlyDictionary<string, (string First, string Second)> CohabitingResources { get; } =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["deployments"] = ("extensions", "apps"),
            ["daemonsets"] = ("extensions", "apps"),
            ["replicasets"] = ("extensions", "apps"),
            ["networkpolicies"] = ("extensions", "networking.k8s.io"),
            ["events"] = (string.Empty, "events.k8s.io"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The resource types to list for <paramref name="selection"/>, in collection order.</summary>
    public static IReadOnlyList<DiscoveredResource> Plan(DiscoveryModel discovery, BackupSelection selection)
    {
        var seenCohabitants = new HashSet<string>(StringComparer.Ordinal);
        var plan = new List<DiscoveredResource>();
        foreach (var group in Groups(discovery))
        {
            foreach (var resource in group)
            {
                if (!selection.ShouldCollect(resource))
                {
                    continue;
                }

                if (CohabitingResources.TryGetValue(resource.Resource, out var groups)
                    && (resource.Group == groups.First || resource.Group == groups.Second)
                    && !seenCohabitants.Add(resource.Resource))
                {
                    continue;
                }

                plan.Add(resource);
            }
        }

        return plan;
    }

    /// <summary>Discovery's types grouped by API group in collection order, the core group sorted by priority.</summary>
    public static IReadOnlyList<IReadOnlyList<DiscoveredResource>> Groups(DiscoveryModel discovery) =>
        [.. discovery.Resources
            .GroupBy(r => r.Group, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<DiscoveredResource>)(g.Key.Length == 0
                ? [.. g.OrderBy(r => CorePriority(r.Resource))]
                : [.. g]))];

    // Pods first so pre hooks run, then their PVCs and PVs (with snapshots), then the rest (sortCoreGroup).
    private static int CorePriority(string resource) => resource.ToLowerInvariant() switch
    {
        "pods" => 0,
        "persistentvolumeclaims" => 1,
        "persistentvolumes" => 2,
        _ => 3,
    };
}
