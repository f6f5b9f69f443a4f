using System.Text;

namespace Velero.Cli.Selectors;

/// <summary>apimachinery's selector lexer: whitespace-separated identifiers and the symbols <c>= == != ! ( ) , &lt; &gt;</c>.</summary>
internal static class SelectorLexer
{
    private static readonly Dictionary<string, SelectorToken> Symbols = new(StringComparer.Ordinal)
    {
        [")"] = SelectorToken.ClosedPar,
        [","] = SelectorToken.Comma,
        ["!"] = SelectorToken.DoesNotExist,
        ["=="] = SelectorToken.DoubleEquals,
        ["="] = SelectorToken.Equals,
        [">"] = SelectorToken.GreaterThan,
        ["in"] = SelectorToken.In,
        ["<"] = SelectorToken.LessThan,
        ["!="] = SelectorToken.NotEquals,
        ["notin"] = SelectorToken.NotIn,
        ["("] = SelectorToken.OpenPar,
    };

    /// <summary>Every token up to and including the end of the string, or the first error.</summary>
    public static List<(SelectorToken Token, string Literal)> Scan(string text)
    {
        var items = new List<(SelectorToken, string)>();
        var position = 0;
        while (true)
        {
            var item = Next(text, ref position);
            items.Add(item);
            if (item.Token is SelectorToken.EndOfString or SelectorToken.Error)
            {
                return items;
            }
        }
    }

    private static (SelectorToken Token, string Literal) Next(string text, ref int position)
    {
        while (position < text.Length && IsWhitespace(text[position]))
        {
            position++;
        }

        if (position >= text.Length)
        {
            return (SelectorToken.EndOfString, "");
        }

        var buffer = new StringBuilder();
        if (IsSpecial(text[position]))
        {
            (SelectorToken Token, string Literal)? last = null;
            while (position < text.Length && IsSpecial(text[position]))
            {
                buffer.Append(text[position]);
                if (Symbols.TryGetValue(buffer.ToString(), out var token))
                {
                    last = (token, buffer.ToString());
                    position++;
                }
                else if (last is not null)
                {
                    break;
                }
                else
                {
                    position++;
                }
            }

            return last ?? (SelectorToken.Error, $"error expected: keyword found '{buffer}'");
        }

        while (position < text.Length && !IsSpecial(text[position]) && !IsWhitespace(text[position]))
        {
            buffer.Append(text[position++]);
        }

        var word = buffer.ToString();
        return Symbols.TryGetValue(word, out var keyword) ? (keyword, word) : (SelectorToken.Identifier, word);
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';
}
