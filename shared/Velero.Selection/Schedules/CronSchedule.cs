using System.Diagnostics.CodeAnalysis;

namespace Velero.Selection.Schedules;

/// <summary>
/// A schedule as Velero's server reads it: robfig/cron v3's <c>ParseStandard</c> (five fields, the descriptors
/// <c>@yearly</c> ... <c>@hourly</c>, <c>@every DURATION</c>, an optional <c>CRON_TZ=</c>/<c>TZ=</c> zone prefix).
/// The one parser of the product: the CLI checks with it before creating a Schedule, the scheduler fires with it.
/// </summary>
public abstract class CronSchedule
{
    private protected CronSchedule(TimeZoneInfo zone) => Zone = zone;

    /// <summary>
    /// The zone of the <c>CRON_TZ=</c>/<c>TZ=</c> prefix; UTC without one (robfig uses the server's local zone there,
    /// which is UTC in Velero's images).
    /// </summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>
    /// The first firing strictly after <paramref name="after"/>, or null when there is none within five years (robfig
    /// answers the zero time then, e.g. for <c>0 0 30 2 *</c>).
    /// </summary>
    public abstract DateTimeOffset? NextAfter(DateTimeOffset after);

    public static bool TryParse(string spec, [NotNullWhen(true)] out CronSchedule? schedule, [NotNullWhen(false)] out CronError? error) =>
        CronParser.TryParse(spec, out schedule, out error);

    public static CronSchedule Parse(string spec) =>
        TryParse(spec, out var schedule, out var error) ? schedule : throw new FormatException(error.Message);
}
