namespace Velero.BackupFormat.Files;

/// <summary>
/// The <c>&lt;backup&gt;-resource-list.json.gz</c> document (spec 1.2): key <c>&lt;apiVersion&gt;/&lt;Kind&gt;</c>
/// (<c>v1/Pod</c>, <c>apps/v1/Deployment</c>), value the sorted <c>ns/name</c> (or <c>name</c>) of every item
/// written. Thread-safe, since items are collected in parallel.
/// </summary>
public sealed class ResourceList
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<string>> _items = new(StringComparer.Ordinal);

    public void Add(string apiVersion, string kind, string? @namespace, string name)
    {
        var key = $"{apiVersion}/{kind}";
        var entry = @namespace is null ? name : $"{@namespace}/{name}";
        lock (_lock)
        {
            if (!_items.TryGetValue(key, out var list))
            {
                _items[key] = list = [];
            }

            list.Add(entry);
        }
    }

    /// <summary>The document to write: keys and entries sorted ordinally, as Go sorts strings.</summary>
    public SortedDictionary<string, List<string>> ToDocument()
    {
        lock (_lock)
        {
            var document = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (key, list) in _items)
            {
                document[key] = [.. list.Order(StringComparer.Ordinal)];
            }

            return document;
        }
    }
}
