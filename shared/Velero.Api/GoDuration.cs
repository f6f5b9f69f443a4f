using System.Globalization;
using System.Text;

namespace Velero.Api;

/// <summary>
/// Go <c>time.Duration</c> strings as Velero writes them in its API (<c>ttl: 720h0m0s</c>,
/// <c>csiSnapshotTimeout: 10m</c>). Parsing accepts what Go's <c>time.ParseDuration</c> accepts; formatting produces
/// what Go's <c>Duration.String</c> produces. TimeSpan holds 100 ns ticks, so nanosecond remainders are truncated.
/// </summary>
public static class GoDuration
{
    private const long NanosecondsPerTick = 100;

    private static readonly (string Unit, decimal Nanoseconds)[] Units =
    [
        ("ns", 1m),
        ("us", 1_000m),
        ("\u00b5s", 1_000m),
        ("\u03bcs", 1_000m),
        ("ms", 1_000_000m),
        ("s", 1_000_000_000m),
        ("m", 60_000_000_000m),
        ("h", 3_600_000_000_000m),
    ];

    public static TimeSpan Parse(string value) =>
        TryParse(value, out var duration) ? duration : throw new FormatException($"time: invalid duration \"{value}\"");

    public static bool TryParse(string? value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var s = value.AsSpan();
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        var totalNanoseconds = 0m;
        while (!s.IsEmpty)
        {
            var digits = 0;
            while (digits < s.Length && (char.IsAsciiDigit(s[digits]) || s[digits] == '.'))
            {
                digits++;
            }

            var number = s[..digits];
            if (number.IsEmpty || number is "." || number.IndexOf('.') != number.LastIndexOf('.')
                || !decimal.TryParse(number.StartsWith(".") ? $"0{number}" : number.ToString(), NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            s = s[digits..];
            var unitLength = 0;
            while (unitLength < s.Length && !char.IsAsciiDigit(s[unitLength]) && s[unitLength] != '.')
            {
                unitLength++;
            }

            var unit = s[..unitLength].ToString();
            var match = Array.Find(Units, u => u.Unit == unit);
            if (match.Unit is null)
            {
                return false;
            }

            s = s[unitLength..];
            totalNanoseconds += amount * match.Nanoseconds;
            if (totalNanoseconds > long.MaxValue)
            {
                return false;
            }
        }

        var ticks = (long)decimal.Truncate(totalNanoseconds / NanosecondsPerTick);
        duration = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        // A Go duration is an int64 of nanoseconds (about 292 years); TimeSpan reaches further.
        const long maxTicks = long.MaxValue / NanosecondsPerTick;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration.Ticks, maxTicks, nameof(duration));
        ArgumentOutOfRangeException.ThrowIfLessThan(duration.Ticks, -maxTicks, nameof(duration));
        var negative = duration < TimeSpan.Zero;
        var ns = (ulong)Math.Abs(duration.Ticks) * NanosecondsPerTick;
        var builder = new StringBuilder();

        if (ns < 1_000_000_000)
        {
            // Below one second Go uses the largest unit below a second that keeps an integer part.
            var (unit, scale) = ns < 1_000 ? ("ns", 1UL) : ns < 1_000_000 ? ("\u00b5s", 1_000UL) : ("ms", 1_000_000UL);
            AppendFraction(builder, ns, scale);
            builder.Append(unit);
        }
        else
        {
            var hours = ns / 3_600_000_000_000;
            ns -= hours * 3_600_000_000_000;
            var minutes = ns / 60_000_000_000;
            ns -= minutes * 60_000_000_000;
            if (hours > 0)
            {
                builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (hours > 0 || minutes > 0)
            {
                builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            AppendFraction(builder, ns, 1_000_000_000);
            builder.Append('s');
        }

        return negative ? "-" + builder : builder.ToString();
    }

    private static void AppendFraction(StringBuilder builder, ulong value, ulong scale)
    {
        builder.Append((value / scale).ToString(CultureInfo.InvariantCulture));
        var remainder = value % scale;
        if (remainder == 0)
        {
            return;
        }

        var digits = scale.ToString(CultureInfo.InvariantCulture).Length - 1;
        builder.Append('.').Append(remainder.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0'));
    }
}
