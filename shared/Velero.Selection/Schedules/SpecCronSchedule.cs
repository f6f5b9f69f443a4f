namespace Velero.Selection.Schedules;

/// <summary>
/// Five cron fields (and the descriptors but <c>@every</c>) as bit sets, fired at second 0 of a matching minute in
/// <see cref="CronSchedule.Zone"/>. Day of month and day of week follow robfig: when either field is <c>*</c> or
/// <c>?</c> (unstepped) both must match, otherwise either may.
/// </summary>
public sealed class SpecCronSchedule : CronSchedule
{
    internal const ulong StarBit = 1UL << 63;

    private readonly ulong _minute;
    private readonly ulong _hour;
    private readonly ulong _dayOfMonth;
    private readonly ulong _month;
    private readonly ulong _dayOfWeek;

    internal SpecCronSchedule(ulong minute, ulong hour, ulong dayOfMonth, ulong month, ulong dayOfWeek, TimeZoneInfo zone)
        : base(zone)
    {
        (_minute, _hour, _dayOfMonth, _month, _dayOfWeek) = (minute, hour, dayOfMonth, month, dayOfWeek);
    }

    /// <summary>
    /// robfig's search, step for step: round up to the next whole second, then move month, day, hour, minute and
    /// second forward until all match, starting over whenever one wraps. Around daylight-saving changes this gives
    /// robfig's results: a wall time the spring change skips does not fire that day (<c>30 2 * * *</c> in New York runs
    /// on the next day only), and a wall time the autumn change repeats fires in both of its hours.
    /// </summary>
    public override DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        var t = new ZonedTime(after.ToUniversalTime(), Zone);
        t = t.Add(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (t.Instant.UtcTicks % TimeSpan.TicksPerSecond)));
        var added = false;
        var yearLimit = t.Wall.Year + 5;
        while (true)
        {
            if (t.Wall.Year > yearLimit)
            {
                return null;
            }

            if (!MoveToMatch(ref t, ref added))
            {
                continue;
            }

            return t.Instant;
        }
    }

    /// <summary>One pass of the search; false when a field wrapped and the search starts over.</summary>
    private bool MoveToMatch(ref ZonedTime t, ref bool added)
    {
        while (!Has(_month, t.Wall.Month))
        {
            t = Reset(t, ref added, z => ZonedTime.Date(Zone, z.Wall.Year, z.Wall.Month, 1, 0, 0, 0)).AddDate(1, 0);
            if (t.Wall.Month == 1)
            {
                return false;
            }
        }

        while (!DayMatches(t.Wall))
        {
            t = Reset(t, ref added, z => ZonedTime.Date(Zone, z.Wall.Year, z.Wall.Month, z.Wall.Day, 0, 0, 0)).AddDate(0, 1);
            // A day that does not start at midnight (a zone changing at 00:00) is pulled back onto it.
            var hour = t.Wall.Hour;
            if (hour != 0)
            {
                t = t.Add(TimeSpan.FromHours(hour > 12 ? 24 - hour : -hour));
            }

            if (t.Wall.Day == 1)
            {
                return false;
            }
        }

        while (!Has(_hour, t.Wall.Hour))
        {
            t = Reset(t, ref added, z => ZonedTime.Date(Zone, z.Wall.Year, z.Wall.Month, z.Wall.Day, z.Wall.Hour, 0, 0)).Add(TimeSpan.FromHours(1));
            if (t.Wall.Hour == 0)
            {
                return false;
            }
        }

        while (!Has(_minute, t.Wall.Minute))
        {
            t = Reset(t, ref added, z => z.Truncate(TimeSpan.FromMinutes(1))).Add(TimeSpan.FromMinutes(1));
            if (t.Wall.Minute == 0)
            {
                return false;
            }
        }

        while (t.Wall.Second != 0)
        {
            t = Reset(t, ref added, z => z.Truncate(TimeSpan.FromSeconds(1))).Add(TimeSpan.FromSeconds(1));
            if (t.Wall.Second == 0)
            {
                return false;
            }
        }

        return true;
    }

    // The first field that moves resets the smaller ones to their start; later moves keep them.
    private static ZonedTime Reset(ZonedTime t, ref bool added, Func<ZonedTime, ZonedTime> start)
    {
        if (added)
        {
            return t;
        }

        added = true;
        return start(t);
    }

    private bool DayMatches(DateTime wall)
    {
        var dayOfMonth = Has(_dayOfMonth, wall.Day);
        var dayOfWeek = Has(_dayOfWeek, (int)wall.DayOfWeek);
        return (_dayOfMonth & StarBit) != 0 || (_dayOfWeek & StarBit) != 0 ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
    }

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;
}
