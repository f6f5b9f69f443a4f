using System.Text;
using System.Text.RegularExpressions;

namespace Velero.ResourceModifiers.Rules;

/// <summary>
/// The <c>groupResource</c> condition: a <c>github.com/gobwas/glob</c> pattern compiled with <c>.</c> as separator, as
/// upstream compiles it, so <c>*</c> and <c>?</c> stay within one segment (<c>*.apps</c> matches <c>deployments.apps</c>
/// but <c>*</c> does not) while <c>**</c> crosses segments. <c>[a-z]</c>, <c>[!a]</c>, <c>{a,b}</c> and <c>\x</c> are
/// supported.
/// </summary>
internal sealed class GroupResourceGlob
{
    private readonly Regex _regex;

    private GroupResourceGlob(Regex regex) => _regex = regex;

    public bool IsMatch(string groupResource) => _regex.IsMatch(groupResource);

    /// <summary>Compiles <paramref name="pattern"/>, or throws <see cref="FormatException"/> for an unclosed class, brace or escape.</summary>
    public static GroupResourceGlob Compile(string pattern)
    {
        var builder = new StringBuilder("^");
        var position = 0;
        Append(pattern, ref position, builder, inBraces: false);
        if (position != pattern.Length)
        {
            throw new FormatException($"unexpected '{pattern[position]}' at {position}");
        }

        return new GroupResourceGlob(new Regex(builder.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant));
    }

    private static void Append(string pattern, ref int position, StringBuilder builder, bool inBraces)
    {
        while (position < pattern.Length)
        {
            var c = pattern[position];
            if (inBraces && c is ',' or '}')
            {
                return;
            }

            position++;
            switch (c)
            {
                case '*' when position < pattern.Length && pattern[position] == '*':
                    position++;
                    builder.Append(".*");
                    break;
                case '*':
                    builder.Append("[^.]*");
                    break;
                case '?':
                    builder.Append("[^.]");
                    break;
                case '\\':
                    if (position >= pattern.Length)
                    {
                        throw new FormatException("unexpected end of pattern after '\\'");
                    }

                    builder.Append(Regex.Escape(pattern[position++].ToString()));
                    break;
                case '[':
                    AppendClass(pattern, ref position, builder);
                    break;
                case '{':
                    builder.Append("(?:");
                    while (true)
                    {
                        Append(pattern, ref position, builder, inBraces: true);
                        if (position >= pattern.Length)
                        {
                            throw new FormatException("unexpected end of pattern in '{'");
                        }

                        if (pattern[position++] == '}')
                        {
                            break;
                        }

                        builder.Append('|');
                    }

                    builder.Append(')');
                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
    }

    private static void AppendClass(string pattern, ref int position, StringBuilder builder)
    {
        var end = pattern.IndexOf(']', position);
        if (end < 0 || end == position)
        {
            throw new FormatException("unclosed character class");
        }

        var body = pattern[position..end];
        position = end + 1;
        var negated = body.StartsWith('!');
        if (negated)
        {
            body = body[1..];
        }

        var escaped = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            escaped.Append(c == '-' && i > 0 && i < body.Length - 1 ? "-" : c is '\\' or '[' or '^' or '-' ? "\\" + c : c.ToString());
        }

        builder.Append(negated ? "[^" : "[").Append(escaped).Append(']');
    }
}
