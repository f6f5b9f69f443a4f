using System.Globalization;
using System.Text;

namespace Velero.Selection.Schedules;

/// <summary>
/// Go's <c>strconv.Atoi</c>, <c>time.ParseDuration</c> and <c>strconv.Quote</c> with their error texts, which robfig's
/// messages (and so upstream's <c>validationErrors</c>) carry verbatim.
/// </summary>
internal static class GoText
{
    private static readonly Dictionary<string, long> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1_000,
        ["µs"] = 1_000,
        ["μs"] = 1_000,
        ["ms"] = 1_000_000,
        ["s"] = 1_000_000_000,
        ["m"] = 60_000_000_000,
        ["h"] = 3_600_000_000_000,
    };

    /// <summary><c>strconv.Atoi</c>: an optional sign and decimal digits fitting 64 bits.</summary>
    public static bool TryAtoi(string text, out long value, out string error)
    {
        error = "";
        var digits = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? text[1..] : text;
        if (digits.Length == 0 || digits.Any(c => c is < '0' or > '9'))
        {
            value = 0;
            error = $"strconv.Atoi: parsing {Quote(text)}: invalid syntax";
            return false;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = $"strconv.Atoi: parsing {Quote(text)}: value out of range";
            return false;
        }

        return true;
    }

    /// <summary><c>time.ParseDuration</c>: a signed sequence of decimal numbers, each with a unit (<c>1h30m</c>, <c>1.5h</c>).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = $"time: invalid duration {Quote(text)}";
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            return false;
        }

        decimal total = 0;
        while (s.Length > 0)
        {
            if (s[0] != '.' && s[0] is < '0' or > '9')
            {
                return false;
            }

            var whole = s.TakeWhile(char.IsAsciiDigit).Count();
            var number = whole > 0 ? s[..whole] : "";
            s = s[whole..];
            var fraction = "";
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                var digits = s.TakeWhile(char.IsAsciiDigit).Count();
                fraction = s[..digits];
                s = s[digits..];
                if (whole == 0 && digits == 0)
                {
                    return false;
                }
            }

            var unitLength = s.TakeWhile(c => c != '.' && !char.IsAsciiDigit(c)).Count();
            if (unitLength == 0)
            {
                error = $"time: missing unit in duration {Quote(text)}";
                return false;
            }

            var unit = s[..unitLength];
            s = s[unitLength..];
            if (!Units.TryGetValue(unit, out var nanos))
            {
                error = $"time: unknown unit {Quote(unit)} in duration {Quote(text)}";
                return false;
            }

            var value = decimal.Parse((number.Length == 0 ? "0" : number) + (fraction.Length == 0 ? "" : "." + fraction),
                CultureInfo.InvariantCulture) * nanos;
            total += decimal.Truncate(value);
            if (total > long.MaxValue)
            {
                return false;
            }
        }

        var ticks = (long)(total / 100);
        duration = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary><c>strconv.Quote</c> for the texts met here: quotes, backslashes and control characters escaped.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
