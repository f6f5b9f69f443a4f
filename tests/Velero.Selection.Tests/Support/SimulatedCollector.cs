using Velero.Selection.Items;
using Velero.Selection.Namespaces;
using Velero.Selection.Ordering;
using Velero.Selection.Resources;

namespace Velero.Selection.Tests.Support;

/// <summary>
/// Runs a backup's selection over objects held in memory, the way the item collector drives it: planned types in
/// order, per namespace to list, label selectors at list time, per-item checks, then the Namespace objects.
/// Related items (PVC to PV, ...) are out of scope here.
/// </summary>
internal static class SimulatedCollector
{
    public static IReadOnlyList<string> Collect(
        BackupSelection selection, DiscoveryModel discovery, IReadOnlyList<ManifestObject> objects, IReadOnlyList<ClusterNamespace> cluster)
    {
        var selected = new List<string>();
        var tracked = new HashSet<string>(StringComparer.Ordinal);
        var plan = CollectionOrder.Plan(discovery, selection);
        foreach (var type in plan.Where(t => t.GroupResource != KnownResources.Namespaces))
        {
            foreach (var ns in selection.NamespacesToList(type))
            {
                var listed = objects.Where(o => o.Group == type.Group && o.Kind == type.Kind)
                    .Where(o => !type.Namespaced || o.Namespace == ns)
                    .Where(o => selection.MatchesLabelSelectors(o.Labels));
                foreach (var item in listed)
                {
                    if (item.Namespace is not null)
                    {
                        tracked.Add(item.Namespace);
                    }

                    if (selection.ShouldIncludeItem(new ItemCandidate(type.GroupResource, item.Namespace, item.Name, item.Labels)).Include)
                    {
                        selected.Add(item.Key);
                    }
                }
            }
        }

        if (plan.Any(t => t.GroupResource == KnownResources.Namespaces))
        {
            selected.AddRange(cluster
                .Where(n => selection.ShouldBackUpNamespaceObject(n, tracked.Contains(n.Name)))
                .Where(n => selection.ShouldIncludeItem(new ItemCandidate(KnownResources.Namespaces, null, n.Name, n.Labels)).Include)
                .Select(n => $"Namespace/{n.Name}"));
        }

        return selected;
    }
}
