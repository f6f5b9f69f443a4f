namespace Velero.Selection.Globs;

/// <summary>
/// A sorted, de-duplicated set of glob patterns, as upstream's <c>globStringSet</c> in
/// <c>pkg/util/collections/includes_excludes.go</c>: <see cref="Match"/> tries the patterns in sorted order and, like
/// upstream, answers false as soon as one of them does not compile.
/// </summary>
public sealed class GlobSet
{
    private readonly SortedSet<string> _items;

    public GlobSet(IEnumerable<string>? items = null) => _items = new SortedSet<string>(items ?? [], StringComparer.Ordinal);

    public int Count => _items.Count;

    /// <summary>The patterns in ordinal order, as Go's <c>sets.String.List()</c>.</summary>
    public IReadOnlyList<string> Items => [.. _items];

    public bool Has(string item) => _items.Contains(item);

    public bool Match(string value)
    {
        foreach (var item in _items)
        {
            if (!GlobPattern.TryCompile(item, out var glob))
            {
                return false;
            }

            if (glob!.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }
}
