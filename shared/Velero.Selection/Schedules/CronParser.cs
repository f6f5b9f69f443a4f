using System.Diagnostics.CodeAnalysis;

namespace Velero.Selection.Schedules;

/// <summary>
/// robfig/cron v3's <c>ParseStandard</c> (minute, hour, day of month, month, day of week, and descriptors), read from
/// its source and written anew: the same accepted forms, the same quirks (a step on a single value runs to the field's
/// maximum, <c>*</c> ignores what follows a hyphen, nothing is trimmed) and the same error texts.
/// </summary>
internal static class CronParser
{
    private static readonly CronField[] Fields =
    [
        new("minute", 0, 59, null),
        new("hour", 0, 23, null),
        new("day-of-month", 1, 31, null),
        new("month", 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        new("day-of-week", 0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    private const string DescriptorList = "@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every DURATION";

    public static bool TryParse(string spec, [NotNullWhen(true)] out CronSchedule? schedule, [NotNullWhen(false)] out CronError? error)
    {
        schedule = null;
        error = null;
        if (spec.Length == 0)
        {
            error = new CronError("empty spec string", "the schedule is empty");
            return false;
        }

        var zone = TimeZoneInfo.Utc;
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                // robfig slices up to the missing space and panics; upstream's controller recovers and reports the panic.
                error = new CronError("runtime error: slice bounds out of range [:-1]", "a zone prefix needs a schedule after it");
                return false;
            }

            var name = spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..space];
            if (LoadZone(name) is not { } found)
            {
                error = new CronError($"provided bad location {name}: unknown time zone {name}", $"unknown time zone \"{name}\"");
                return false;
            }

            zone = found;
            spec = spec[space..].Trim();
        }

        if (spec.StartsWith('@'))
        {
            return TryParseDescriptor(spec, zone, out schedule, out error);
        }

        var fields = spec.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != Fields.Length)
        {
            error = new CronError($"expected exactly 5 fields, found {fields.Length}: [{string.Join(' ', fields)}]",
                $"expected exactly 5 fields (minute hour day-of-month month day-of-week), found {fields.Length}");
            return false;
        }

        var bits = new ulong[Fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            if (!Fields[i].TryParse(fields[i], out bits[i], out var message, out var explanation))
            {
                error = new CronError(message, $"{Fields[i].Name} field \"{fields[i]}\": {explanation}");
                return false;
            }
        }

        schedule = new SpecCronSchedule(bits[0], bits[1], bits[2], bits[3], bits[4], zone);
        return true;
    }

    private static bool TryParseDescriptor(string spec, TimeZoneInfo zone, [NotNullWhen(true)] out CronSchedule? schedule,
        [NotNullWhen(false)] out CronError? error)
    {
        error = null;
        var all = Fields.Select(f => f.All).ToArray();
        schedule = spec switch
        {
            "@yearly" or "@annually" => new SpecCronSchedule(1, 1, 1UL << 1, 1UL << 1, all[4], zone),
            "@monthly" => new SpecCronSchedule(1, 1, 1UL << 1, all[3], all[4], zone),
            "@weekly" => new SpecCronSchedule(1, 1, all[2], all[3], 1, zone),
            "@daily" or "@midnight" => new SpecCronSchedule(1, 1, all[2], all[3], all[4], zone),
            "@hourly" => new SpecCronSchedule(1, all[1], all[2], all[3], all[4], zone),
            _ => null,
        };
        if (schedule is not null)
        {
            return true;
        }

        const string every = "@every ";
        if (!spec.StartsWith(every, StringComparison.Ordinal))
        {
            error = new CronError($"unrecognized descriptor: {spec}", $"unrecognized descriptor \"{spec}\" (use {DescriptorList})");
            return false;
        }

        var text = spec[every.Length..];
        if (!GoText.TryParseDuration(text, out var delay, out var problem))
        {
            error = new CronError($"failed to parse duration {spec}: {problem}",
                $"@every needs a positive duration such as 6h or 2h30m, got \"{text.Trim()}\"");
            return false;
        }

        schedule = new EveryCronSchedule(delay, zone);
        return true;
    }

    // Go's time.LoadLocation: "" and "UTC" are UTC, "Local" the process's zone, anything else an IANA name.
    private static TimeZoneInfo? LoadZone(string name) => name switch
    {
        "" or "UTC" => TimeZoneInfo.Utc,
        "Local" => TimeZoneInfo.Local,
        _ => TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null,
    };
}
