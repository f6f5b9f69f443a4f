namespace Velero.Selection.Globs;

/// <summary>
/// Upstream's <c>ValidateIncludesExcludes</c> and <c>ValidateScopedIncludesExcludes</c>
/// (<c>pkg/util/collections/includes_excludes.go</c>), same messages, same order (Go sets iterate sorted).
/// </summary>
public static class IncludesExcludesValidator
{
    public const string IncludesStarOnly = "includes list must either contain '*' only, or a non-empty list of items";
    public const string ExcludesStarOnly = "excludes list must either contain '*' only, or a non-empty list of items";
    public const string ExcludesCannotContainStar = "excludes list cannot contain '*'";
    public const string ExcludeStarWithIncludes = "when exclude is '*', include cannot have value";

    public static string ExcludeInIncludes(string item) => $"excludes list cannot contain an item in the includes list: {item}";

    /// <summary>The old filters (<c>includedResources</c>/<c>excludedResources</c>) and namespaces.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<string>? includes, IEnumerable<string>? excludes)
    {
        var includeSet = new SortedSet<string>(includes ?? [], StringComparer.Ordinal);
        var excludeSet = new SortedSet<string>(excludes ?? [], StringComparer.Ordinal);
        var errors = new List<string>();
        if (includeSet.Count > 1 && includeSet.Contains("*"))
        {
            errors.Add(IncludesStarOnly);
        }

        if (excludeSet.Contains("*"))
        {
            errors.Add(ExcludesCannotContainStar);
        }

        errors.AddRange(excludeSet.Where(includeSet.Contains).Select(ExcludeInIncludes));
        return errors;
    }

    /// <summary>The new scoped filters: here <c>*</c> may be excluded, alone and with no includes.</summary>
    public static IReadOnlyList<string> ValidateScoped(IEnumerable<string>? includes, IEnumerable<string>? excludes)
    {
        var includeSet = new SortedSet<string>(includes ?? [], StringComparer.Ordinal);
        var excludeSet = new SortedSet<string>(excludes ?? [], StringComparer.Ordinal);
        var errors = new List<string>();
        if (includeSet.Count > 1 && includeSet.Contains("*"))
        {
            errors.Add(IncludesStarOnly);
        }

        if (excludeSet.Count > 1 && excludeSet.Contains("*"))
        {
            errors.Add(ExcludesStarOnly);
        }

        if (includeSet.Count > 0 && excludeSet.Contains("*"))
        {
            errors.Add(ExcludeStarWithIncludes);
        }

        errors.AddRange(excludeSet.Where(includeSet.Contains).Select(ExcludeInIncludes));
        return errors;
    }
}
