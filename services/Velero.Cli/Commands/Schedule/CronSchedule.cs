using System.Globalization;
using Velero.Api;

namespace Velero.Cli.Commands.Schedule;

/// <summary>
/// Checks a schedule as the server's parser (robfig/cron's ParseStandard) reads it, so a typo fails at
/// <c>velero schedule create</c> instead of leaving a FailedValidation schedule behind: five fields (minute, hour,
/// day of month, month, day of week) of <c>*</c>, <c>?</c>, numbers, names, ranges, steps and lists; the
/// descriptors <c>@yearly</c> ... <c>@hourly</c> and <c>@every DURATION</c>; an optional <c>CRON_TZ=</c> or
/// <c>TZ=</c> zone prefix. Returns null when valid, else one line naming the bad part.
/// </summary>
internal static class CronSchedule
{
    private static readonly (string Name, int Min, int Max, string[]? Names)[] Fields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day-of-month", 1, 31, null),
        ("month", 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        ("day-of-week", 0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    public static string? Validate(string schedule)
    {
        var spec = schedule.Trim();
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            var zone = space < 0 ? spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..] : spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..space];
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                return $"unknown time zone \"{zone}\"";
            }

            spec = space < 0 ? "" : spec[(space + 1)..].Trim();
        }

        if (spec.Length == 0)
        {
            return "the schedule is empty";
        }

        if (spec.StartsWith('@'))
        {
            if (spec.StartsWith("@every ", StringComparison.Ordinal))
            {
                var duration = spec["@every ".Length..].Trim();
                return GoDuration.TryParse(duration, out var d) && d > TimeSpan.Zero
                    ? null
                    : $"@every needs a positive duration such as 6h or 2h30m, got \"{duration}\"";
            }

            return Descriptors.Contains(spec, StringComparer.Ordinal)
                ? null
                : $"unrecognized descriptor \"{spec}\" (use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every DURATION)";
        }

        var fields = spec.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != Fields.Length)
        {
            return $"expected exactly 5 fields (minute hour day-of-month month day-of-week), found {fields.Length}";
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (CheckField(fields[i], Fields[i]) is { } problem)
            {
                return $"{Fields[i].Name} field \"{fields[i]}\": {problem}";
            }
        }

        return null;
    }

    private static string? CheckField(string field, (string Name, int Min, int Max, string[]? Names) spec)
    {
        foreach (var part in field.Split(','))
        {
            var rangeAndStep = part.Split('/');
            if (rangeAndStep.Length > 2)
            {
                return $"too many slashes in \"{part}\"";
            }

            var range = rangeAndStep[0];
            int low, high;
            if (range is "*" or "?")
            {
                (low, high) = (spec.Min, spec.Max);
            }
            else
            {
                var bounds = range.Split('-');
                if (bounds.Length > 2 || bounds.Any(b => b.Length == 0))
                {
                    return $"malformed range \"{range}\"";
                }

                if (Number(bounds[0], spec) is not { } first)
                {
                    return $"\"{bounds[0]}\" is not a number{NamesHint(spec)}";
                }

                low = first;
                high = first;
                if (bounds.Length == 2)
                {
                    if (Number(bounds[1], spec) is not { } last)
                    {
                        return $"\"{bounds[1]}\" is not a number{NamesHint(spec)}";
                    }

                    high = last;
                }
            }

            if (low < spec.Min)
            {
                return $"{low} is below the minimum ({spec.Min})";
            }

            if (high > spec.Max)
            {
                return $"{high} is above the maximum ({spec.Max})";
            }

            if (low > high)
            {
                return $"the range {low}-{high} ends before it begins";
            }

            if (rangeAndStep.Length == 2 && (!int.TryParse(rangeAndStep[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step <= 0))
            {
                return $"the step \"{rangeAndStep[1]}\" must be a positive number";
            }
        }

        return null;
    }

    private static int? Number(string text, (string Name, int Min, int Max, string[]? Names) spec)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var index = spec.Names is null ? -1 : Array.IndexOf(spec.Names, text.ToLowerInvariant());
        return index < 0 ? null : index + spec.Min;
    }

    private static string NamesHint((string Name, int Min, int Max, string[]? Names) spec) =>
        spec.Names is null ? "" : $" or a name ({string.Join(", ", spec.Names.Select(n => n.ToUpperInvariant()))})";
}
