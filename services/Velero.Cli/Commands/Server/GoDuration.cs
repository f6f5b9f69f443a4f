using System.Globalization;

namespace Velero.Cli.Commands.Server;

/// <summary>
/// Go's <c>time.ParseDuration</c> syntax (<c>720h</c>, <c>1h30m</c>, <c>1.5s</c>, <c>-10m</c>, <c>0</c>), with its error
/// texts, so a manifest written for upstream's server parses here with the same result. Precision below a tick (100 ns)
/// is dropped.
/// </summary>
internal static class GoDuration
{
    private static readonly Dictionary<string, decimal> TicksPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 0.01m,
        ["us"] = 10m,
        ["µs"] = 10m, // U+00B5 micro sign
        ["μs"] = 10m, // U+03BC Greek mu
        ["ms"] = TimeSpan.TicksPerMillisecond,
        ["s"] = TimeSpan.TicksPerSecond,
        ["m"] = TimeSpan.TicksPerMinute,
        ["h"] = TimeSpan.TicksPerHour,
    };

    public static bool TryParse(string text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = $"time: invalid duration \"{text}\"";
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            error = "";
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        decimal ticks = 0;
        while (!s.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < s.Length && (char.IsAsciiDigit(s[numberLength]) || s[numberLength] == '.'))
            {
                numberLength++;
            }

            var number = s[..numberLength];
            if (number.IsEmpty || number is "." || number.Count('.') > 1
                || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            s = s[numberLength..];
            var unitLength = 0;
            while (unitLength < s.Length && s[unitLength] != '.' && !char.IsAsciiDigit(s[unitLength]))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                error = $"time: missing unit in duration \"{text}\"";
                return false;
            }

            var unit = s[..unitLength].ToString();
            if (!TicksPerUnit.TryGetValue(unit, out var perUnit))
            {
                error = $"time: unknown unit \"{unit}\" in duration \"{text}\"";
                return false;
            }

            ticks += amount * perUnit;
            // Go's limit: a duration is an int64 of nanoseconds, about 292 years.
            if (ticks > long.MaxValue / 100m)
            {
                return false;
            }

            s = s[unitLength..];
        }

        value = TimeSpan.FromTicks((long)decimal.Truncate(negative ? -ticks : ticks));
        error = "";
        return true;
    }

    /// <summary>The configuration binder's TimeSpan form (<c>d.hh:mm:ss.fffffff</c>).</summary>
    public static string ToConfiguration(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
