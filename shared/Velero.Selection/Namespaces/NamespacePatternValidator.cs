using System.Buffers;
using System.Text.RegularExpressions;
using Velero.Selection.Globs;

namespace Velero.Selection.Namespaces;

/// <summary>
/// Validation of namespace include/exclude lists, with upstream's messages: <c>ValidateNamespaceIncludesExcludes</c>
/// in <c>pkg/util/collections/includes_excludes.go</c> and <c>ValidateNamespaceName</c> in
/// <c>pkg/util/wildcard/expand.go</c> (Velero 1.18), plus apimachinery's DNS-1123 label messages.
/// </summary>
public static partial class NamespacePatternValidator
{
    public const string UnsupportedCharacters = "wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,";
    public const string ConsecutiveAsterisks = "wildcard pattern contains consecutive asterisks (only single * allowed)";
    public const string EmptyBracket = "wildcard pattern contains empty bracket pattern '[]'";
    public const string UnclosedBracket = "wildcard pattern contains unclosed bracket '['";
    public const string UnmatchedClosingBracket = "wildcard pattern contains unmatched closing bracket ']'";

    private static readonly SearchValues<char> Unsupported = SearchValues.Create("|()!{},");

    private const string Dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
        + "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    /// <summary>Errors for both lists (without the controller's "Invalid included/excluded namespace lists: " prefix).</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<string>? includes, IEnumerable<string>? excludes)
    {
        var includeSet = new SortedSet<string>(includes ?? [], StringComparer.Ordinal);
        var excludeSet = new SortedSet<string>(excludes ?? [], StringComparer.Ordinal);
        var errors = new List<string>(IncludesExcludesValidator.Validate(includeSet, excludeSet));
        foreach (var item in includeSet.Concat(excludeSet))
        {
            errors.AddRange(ValidateName(item));
        }

        return errors;
    }

    /// <summary>One namespace name or pattern. Empty is allowed: Velero reads it as "no namespace".</summary>
    public static IReadOnlyList<string> ValidateName(string pattern)
    {
        if (pattern.Length == 0)
        {
            return [];
        }

        if (ValidatePattern(pattern) is { } patternError)
        {
            return [patternError];
        }

        // Kubernetes forbids the glob characters in names; upstream swaps them for 'x' before the name check.
        var standIn = pattern.Replace('*', 'x').Replace('?', 'x').Replace('[', 'x').Replace(']', 'x');
        var errors = new List<string>();
        if (standIn.Length > 63)
        {
            errors.Add($"invalid namespace \"{pattern}\": must be no more than 63 characters");
        }

        if (!Dns1123Label().IsMatch(standIn))
        {
            errors.Add($"invalid namespace \"{pattern}\": {Dns1123LabelMessage}");
        }

        return errors;
    }

    /// <summary>The glob-syntax check alone; null when the pattern is acceptable.</summary>
    public static string? ValidatePattern(string pattern)
    {
        if (pattern.AsSpan().ContainsAny(Unsupported))
        {
            return UnsupportedCharacters;
        }

        if (pattern.Contains("**", StringComparison.Ordinal))
        {
            return ConsecutiveAsterisks;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == ']')
            {
                return UnmatchedClosingBracket;
            }

            if (pattern[i] != '[')
            {
                continue;
            }

            var close = pattern.IndexOf(']', i + 1);
            if (close < 0)
            {
                return UnclosedBracket;
            }

            if (close == i + 1)
            {
                return EmptyBracket;
            }

            i = close;
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();
}
