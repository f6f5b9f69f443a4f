using System.Buffers;
using Velero.Selection.Globs;

namespace Velero.Selection.Namespaces;

/// <summary>
/// Velero 1.18's <c>NamespaceIncludesExcludes</c> (<c>pkg/util/collections/includes_excludes.go</c>, expansion in
/// <c>pkg/util/wildcard/expand.go</c>): the namespace include/exclude lists, with glob patterns expanded against the
/// namespaces that exist when the backup starts.
/// </summary>
public sealed class NamespaceFilter
{
    private static readonly SearchValues<char> Wildcards = SearchValues.Create("*?[");

    private readonly IncludesExcludes _filter;
    private readonly IReadOnlyList<string> _clusterNamespaces;

    private NamespaceFilter(IncludesExcludes filter, IReadOnlyList<string> clusterNamespaces, bool wildcardExpanded)
    {
        _filter = filter;
        _clusterNamespaces = clusterNamespaces;
        IsWildcardExpanded = wildcardExpanded;
    }

    /// <summary>True when a pattern was expanded; the includes and excludes are then plain names.</summary>
    public bool IsWildcardExpanded { get; }

    public IReadOnlyList<string> Includes => _filter.Includes.Items;

    public IReadOnlyList<string> Excludes => _filter.Excludes.Items;

    /// <summary>
    /// Builds the filter as the backup does (<c>ExpandIncludesExcludes(true)</c>). Expansion happens when the includes are
    /// non-empty and any include or exclude holds <c>*</c>, <c>?</c> or <c>[</c>; an invalid pattern throws
    /// <see cref="ArgumentException"/> with upstream's message (the validator reports it first).
    /// </summary>
    public static NamespaceFilter Create(
        IEnumerable<string>? includes, IEnumerable<string>? excludes, IEnumerable<string> clusterNamespaces)
    {
        var namespaces = clusterNamespaces.ToList();
        var includeList = (includes ?? []).ToList();
        var excludeList = (excludes ?? []).ToList();
        if (!ShouldExpand(includeList, excludeList))
        {
            return new NamespaceFilter(new IncludesExcludes(includeList, excludeList), namespaces, false);
        }

        var expandedIncludes = Expand(includeList, namespaces);
        var expandedExcludes = Expand(excludeList, namespaces);
        return new NamespaceFilter(new IncludesExcludes(expandedIncludes, expandedExcludes), namespaces, true);
    }

    public bool ShouldInclude(string ns) =>
        // An expansion that matched nothing means "nothing", not the usual "empty includes = everything".
        !(IsWildcardExpanded && _filter.Includes.Count == 0) && _filter.ShouldInclude(ns);

    /// <summary>
    /// Whether this backup covers all namespaces (the gate for cluster-scoped types). Velero 1.18.1 also counts the
    /// expanded includes being exactly the cluster's namespaces (compared in name order, as the API server lists them).
    /// Any exclude, even one added for the exclude-from-backup label, makes this false (spec 4.2).
    /// </summary>
    public bool IncludeEverything() =>
        _filter.Excludes.Count == 0
        && (_filter.Includes.Count == 0
            || (_filter.Includes.Count == 1 && _filter.Includes.Has("*"))
            || Includes.SequenceEqual(_clusterNamespaces.Order(StringComparer.Ordinal)));

    /// <summary>All cluster namespaces this backup covers (<c>ResolveNamespaceList</c>).</summary>
    public IReadOnlyList<string> ResolveNamespaceList() => [.. _clusterNamespaces.Where(ShouldInclude)];

    /// <summary>The namespaces to list namespaced types in (<c>getNamespacesToList</c> in <c>item_collector.go</c>).</summary>
    public IReadOnlyList<string> NamespacesToList() => [.. Includes.Where(ShouldInclude)];

    private static bool ShouldExpand(List<string> includes, List<string> excludes) =>
        includes.Count > 0 && includes.Concat(excludes).Any(ContainsWildcard);

    private static bool ContainsWildcard(string pattern) => pattern.AsSpan().ContainsAny(Wildcards);

    private static List<string> Expand(List<string> patterns, List<string> clusterNamespaces)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            if (NamespacePatternValidator.ValidatePattern(pattern) is { } error)
            {
                throw new ArgumentException(error, nameof(patterns));
            }
        }

        foreach (var pattern in patterns)
        {
            if (!ContainsWildcard(pattern))
            {
                matched.Add(pattern);
                continue;
            }

            if (!GlobPattern.TryCompile(pattern, out var glob))
            {
                throw new ArgumentException($"invalid glob pattern {pattern}", nameof(patterns));
            }

            matched.UnionWith(clusterNamespaces.Where(glob!.IsMatch));
        }

        return [.. matched];
    }
}
