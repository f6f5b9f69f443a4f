namespace Velero.Selection.Globs;

/// <summary>
/// A sorted, de-duplicated set of glob patterns, as upstream's <c>globStringSet</c> in
/// <c>pkg/util/collections/includes_excludes.go</c>: <see cref="Match"/> tries the patterns in sorted order and, like
/// upstream, answers false as soon as one of them does not compile.
/// </summary>
public sealed class GlobSet
{
    private readonly SortedSet<string> _items;

    // Compiled once, in the same order; null where a pattern does not compile. Matching runs per listed item.
    private readonly GlobPattern?[] _globs;

    public GlobSet(IEnumerable<string>? items = null)
    {
        _items = new SortedSet<string>(items ?? [], StringComparer.Ordinal);
        _globs = [.. _items.Select(i => GlobPattern.TryCompile(i, out var glob) ? glob : null)];
    }

    public int Count => _items.Count;

    /// <summary>The patterns in ordinal order, as Go's <c>sets.String.List()</c>.</summary>
    public IReadOnlyList<string> Items => [.. _items];

    public bool Has(string item) => _items.Contains(item);

    public bool Match(string value)
    {
        foreach (var glob in _globs)
        {
            if (glob is null)
            {
                return false;
            }

            if (glob.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }
}
