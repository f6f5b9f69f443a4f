using System.Collections.Concurrent;

namespace Velero.Restorer.Engine;

/// <summary>
/// Every item the restore touched and what became of it (upstream's <c>restoredItems</c>), for
/// <c>restore-&lt;name&gt;-resource-list.json.gz</c>: keyed by <c>&lt;apiVersion&gt;/&lt;Kind&gt;</c>, target namespace
/// and name, with the action <c>created</c>, <c>updated</c>, <c>skipped</c> or <c>failed</c>. Thread-safe.
/// </summary>
internal sealed class RestoredItems
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    private readonly ConcurrentDictionary<(string ResourceKey, string? Namespace, string Name), string> _items = new();

    public int Count => _items.Count;

    /// <summary>Records an outcome; a later outcome of the same item replaces an earlier one.</summary>
    public void Record(string apiVersion, string kind, string? @namespace, string name, string action) =>
        _items[($"{apiVersion}/{kind}", string.IsNullOrEmpty(@namespace) ? null : @namespace, name)] = action;

    public SortedDictionary<string, List<string>> ToDocument()
    {
        var document = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var ((resource, ns, name), action) in _items)
        {
            if (!document.TryGetValue(resource, out var list))
            {
                document[resource] = list = [];
            }

            list.Add($"{(ns is null ? name : $"{ns}/{name}")}({action})");
        }

        foreach (var list in document.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return document;
    }

    /// <summary>The counts of each action, for the log's summary.</summary>
    public IReadOnlyDictionary<string, int> Counts() =>
        _items.Values.GroupBy(a => a, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
