using System.Text;
using System.Text.RegularExpressions;

namespace Velero.Selection.Globs;

/// <summary>
/// A compiled glob with the semantics of <c>github.com/gobwas/glob</c> as Velero uses it (no separators):
/// <c>*</c> any run of characters, <c>?</c> one character, <c>[abc]</c>/<c>[a-z]</c>/<c>[!abc]</c> character classes,
/// <c>{a,b}</c> alternatives, <c>\x</c> a literal. Velero 1.18 rejects braces in namespace patterns at validation
/// (see <see cref="Namespaces.NamespacePatternValidator"/>), but its matcher accepts them, so this one does too.
/// </summary>
public sealed class GlobPattern
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("*?[]{}\\");

    // Null for a pattern without any special character: it matches itself only, compared without a regex.
    private readonly Regex? _regex;

    private GlobPattern(string pattern, Regex? regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    public bool IsMatch(string value) => _regex?.IsMatch(value) ?? string.Equals(Pattern, value, StringComparison.Ordinal);

    /// <summary>Compiles <paramref name="pattern"/>; false when it is malformed (unclosed class or brace).</summary>
    public static bool TryCompile(string pattern, out GlobPattern? glob)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.AsSpan().ContainsAny(Special))
        {
            glob = new GlobPattern(pattern, null);
            return true;
        }

        var builder = new StringBuilder("^");
        var position = 0;
        if (!AppendSequence(pattern, ref position, builder, braceDepth: 0) || position != pattern.Length)
        {
            glob = null;
            return false;
        }

        builder.Append('$');
        glob = new GlobPattern(pattern, new Regex(builder.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant));
        return true;
    }

    /// <summary>True when <paramref name="pattern"/> compiles and matches <paramref name="value"/>.</summary>
    public static bool Matches(string pattern, string value) => TryCompile(pattern, out var glob) && glob!.IsMatch(value);

    // Appends until the end of the pattern or, inside braces, an unescaped ',' or '}' (left for the caller).
    private static bool AppendSequence(string pattern, ref int position, StringBuilder builder, int braceDepth)
    {
        while (position < pattern.Length)
        {
            var c = pattern[position];
            if (braceDepth > 0 && (c == ',' || c == '}'))
            {
                return true;
            }

            position++;
            switch (c)
            {
                case '*':
                    builder.Append(".*");
                    break;
                case '?':
                    builder.Append('.');
                    break;
                case '\\':
                    if (position >= pattern.Length)
                    {
                        return false;
                    }

                    builder.Append(Regex.Escape(pattern[position++].ToString()));
                    break;
                case '[':
                    if (!AppendClass(pattern, ref position, builder))
                    {
                        return false;
                    }

                    break;
                case '{':
                    if (!AppendAlternatives(pattern, ref position, builder, braceDepth))
                    {
                        return false;
                    }

                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return braceDepth == 0;
    }

    private static bool AppendAlternatives(string pattern, ref int position, StringBuilder builder, int braceDepth)
    {
        builder.Append("(?:");
        while (true)
        {
            if (!AppendSequence(pattern, ref position, builder, braceDepth + 1) || position >= pattern.Length)
            {
                return false;
            }

            if (pattern[position++] == '}')
            {
                builder.Append(')');
                return true;
            }

            builder.Append('|');
        }
    }

    private static bool AppendClass(string pattern, ref int position, StringBuilder builder)
    {
        var negated = position < pattern.Length && pattern[position] == '!';
        if (negated)
        {
            position++;
        }

        var body = new StringBuilder();
        var first = true;
        while (position < pattern.Length && (pattern[position] != ']' || first))
        {
            var c = pattern[position++];
            first = false;
            if (c == ']')
            {
                return false;
            }

            if (c == '-' && body.Length > 0 && position < pattern.Length && pattern[position] != ']')
            {
                body.Append('-');
                continue;
            }

            body.Append(c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString());
        }

        if (position >= pattern.Length || body.Length == 0)
        {
            return false;
        }

        position++;
        builder.Append('[').Append(negated ? "^" : string.Empty).Append(body).Append(']');
        return true;
    }
}
