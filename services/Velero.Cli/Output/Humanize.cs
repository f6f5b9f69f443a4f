using System.Globalization;

namespace Velero.Cli.Output;

/// <summary>Durations and timestamps as Go's client prints them, so tables and descriptions read as upstream's.</summary>
internal static class Humanize
{
    /// <summary>k8s.io/apimachinery's ShortHumanDuration: <c>45s</c>, <c>12m</c>, <c>3h</c>, <c>29d</c>, <c>2y</c>.</summary>
    public static string ShortDuration(TimeSpan d)
    {
        var seconds = (long)Math.Truncate(d.TotalSeconds);
        return seconds switch
        {
            < -1 => "<invalid>",
            < 0 => "0s",
            < 60 => $"{seconds}s",
            _ when d.TotalMinutes < 60 => $"{(long)d.TotalMinutes}m",
            _ when d.TotalHours < 24 => $"{(long)d.TotalHours}h",
            _ when d.TotalHours < 24 * 365 => $"{(long)d.TotalHours / 24}d",
            _ => $"{(long)(d.TotalHours / 24 / 365)}y",
        };
    }

    /// <summary>Upstream's humanReadableTimeFromNow: <c>29d</c> ahead, <c>3h ago</c> behind, <c>n/a</c> unset.</summary>
    public static string FromNow(DateTimeOffset? when, DateTimeOffset now) => when switch
    {
        null => "n/a",
        var w when w >= now => ShortDuration(w.Value - now),
        var w => $"{ShortDuration(now - w.Value)} ago",
    };

    /// <summary>
    /// Go's <c>time.Time.String()</c> in the given zone: <c>2026-11-27 10:00:00 +0000 UTC</c>. Zones without an
    /// abbreviation print the offset twice, as Go does.
    /// </summary>
    public static string GoTime(DateTimeOffset time, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(time, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var hhmm = $"{sign}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}";
        var name = zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC" ? "UTC" : hhmm;
        var fraction = local.Ticks % TimeSpan.TicksPerSecond == 0
            ? ""
            : ("." + (local.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture)).TrimEnd('0');
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + fraction + $" {hhmm} {name}";
    }

    /// <summary>A Go time that may be unset: Go prints the zero time for a nil <c>metav1.Time</c>'s value.</summary>
    public static string GoTime(DateTime? time, TimeZoneInfo zone) =>
        time is { } t ? GoTime(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)), zone) : "<nil>";
}
