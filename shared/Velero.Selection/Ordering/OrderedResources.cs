namespace Velero.Selection.Ordering;

/// <summary>
/// <c>spec.orderedResources</c>: for a resource type, the listed items first in the given order, the rest after in
/// listing order (<c>getOrderedResourcesForType</c> and <c>sortResourcesByOrder</c> in <c>pkg/backup/item_collector.go</c>).
/// </summary>
public static class OrderedResources
{
    /// <summary>
    /// The order for one type. Upstream looks the map up by the plain plural resource name (<c>pods</c>, not
    /// <c>pods.</c> or a group-qualified name) and splits the value on commas without trimming.
    /// </summary>
    public static IReadOnlyList<string> ForResource(IDictionary<string, string>? orderedResources, string resource) =>
        orderedResources is not null && orderedResources.TryGetValue(resource, out var value) && value.Length > 0
            ? value.Split(',')
            : [];

    /// <summary>
    /// Sorts listed items: those named in <paramref name="order"/> (<c>ns/name</c>, or <c>name</c> when cluster-scoped)
    /// come first in that order and are flagged as ordered; names not found are skipped; the rest keep their order.
    /// </summary>
    public static IReadOnlyList<OrderedItem<T>> Sort<T>(
        IReadOnlyList<T> items, IReadOnlyList<string> order, Func<T, string?> namespaceOf, Func<T, string> nameOf)
    {
        if (order.Count == 0)
        {
            return [.. items.Select(i => new OrderedItem<T>(i, false))];
        }

        string FullName(T item) => namespaceOf(item) is { Length: > 0 } ns ? $"{ns}/{nameOf(item)}" : nameOf(item);

        // Later duplicates of a full name replace earlier ones, as upstream's map does.
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byName[FullName(item)] = item;
        }

        var sorted = new List<OrderedItem<T>>();
        foreach (var name in order)
        {
            if (byName.Remove(name, out var item))
            {
                sorted.Add(new OrderedItem<T>(item, true));
            }
        }

        sorted.AddRange(items.Where(i => byName.ContainsKey(FullName(i))).Select(i => new OrderedItem<T>(i, false)));
        return sorted;
    }

    /// <summary>
    /// Whether the item at <paramref name="index"/> and the next one go into the same item block: both placed by
    /// <c>orderedResources</c> and of the same type (<c>addNextToBlock</c> in <c>pkg/backup/backup.go</c>), so that an
    /// ordered run is backed up in order by one worker.
    /// </summary>
    public static bool JoinsNextBlock<T>(IReadOnlyList<OrderedItem<T>> items, int index, Func<T, string> groupResourceOf) =>
        index < items.Count - 1
        && items[index].Ordered && items[index + 1].Ordered
        && groupResourceOf(items[index].Item) == groupResourceOf(items[index + 1].Item);

    /// <summary>
    /// Parses the CLI form <c>pods=ns1/a,ns1/b;persistentvolumeclaims=ns1/c</c> into the spec's map. Upstream's CLI
    /// (<c>ParseOrderedResources</c> in <c>pkg/cmd/cli/backup/create.go</c>) rejects an entry without exactly one
    /// <c>=</c>, the empty string included, with the message used here.
    /// </summary>
    public static IDictionary<string, string> ParseCli(string value)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in value.Split(';'))
        {
            var parts = entry.Split('=');
            if (parts.Length != 2)
            {
                throw new FormatException($"invalid OrderedResources '{entry}'");
            }

            result[parts[0].Trim()] = parts[1].Trim();
        }

        return result;
    }
}
