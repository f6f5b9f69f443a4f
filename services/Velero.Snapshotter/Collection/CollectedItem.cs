using System.Text.Json.Nodes;
using Velero.Selection.Resources;

namespace Velero.Snapshotter.Collection;

/// <summary>An item read from the cluster, with the type it was read as.</summary>
internal sealed record CollectedItem(DiscoveredResource Type, JsonObject Object, ItemFacts Facts)
{
    public string Key => ItemKey(Type.GroupResource, Facts.Namespace, Facts.Name);

    /// <summary>Upstream dedupes backed-up items by group-resource, namespace and name.</summary>
    public static string ItemKey(string groupResource, string? @namespace, string name) => $"{groupResource}|{@namespace}|{name}";
}
