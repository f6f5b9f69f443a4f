using System.Globalization;
using System.Text;

namespace Velero.Cli.Install;

/// <summary>Go's <c>time.Duration.String()</c> (<c>1h0m0s</c>, <c>90m</c> as <c>1h30m0s</c>, <c>1.5s</c>), as upstream writes durations into arguments.</summary>
public static class GoDuration
{
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (value < TimeSpan.Zero)
        {
            builder.Append('-');
            value = value.Negate();
        }

        if (value < TimeSpan.FromSeconds(1))
        {
            var ms = value.TotalMilliseconds;
            return builder.Append(ms >= 1 ? $"{ms.ToString(CultureInfo.InvariantCulture)}ms" : $"{(value.Ticks / 10.0).ToString(CultureInfo.InvariantCulture)}µs").ToString();
        }

        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || value.Minutes > 0)
        {
            builder.Append(value.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        var seconds = value.Seconds + value.Milliseconds / 1000m + value.Ticks % TimeSpan.TicksPerMillisecond / (decimal)TimeSpan.TicksPerSecond;
        return builder.Append(seconds.ToString("0.#########", CultureInfo.InvariantCulture)).Append('s').ToString();
    }
}
