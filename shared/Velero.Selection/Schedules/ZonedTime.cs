namespace Velero.Selection.Schedules;

/// <summary>
/// The few Go <c>time</c> operations robfig's <c>Next</c> is made of, with Go's results around daylight-saving changes:
/// <see cref="Date"/> resolves a wall time the way Go's <c>time.Date</c> does (a skipped wall time and a repeated one
/// each land on one of the two offsets involved, chosen as Go chooses), and additions of hours or minutes are absolute.
/// </summary>
internal readonly record struct ZonedTime(DateTimeOffset Instant, TimeZoneInfo Zone)
{
    public DateTime Wall => TimeZoneInfo.ConvertTime(Instant, Zone).DateTime;

    /// <summary>
    /// Go's <c>time.Date</c>: out-of-range months and days carry over; the offset is first looked up as if the wall time
    /// were UTC, and looked up again at the instant that gives when that instant has another offset.
    /// </summary>
    public static ZonedTime Date(TimeZoneInfo zone, int year, int month, int day, int hour, int minute, int second)
    {
        var months = (year * 12) + (month - 1);
        var wall = new DateTime(months / 12, (months % 12) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified)
            .AddDays(day - 1).AddHours(hour).AddMinutes(minute).AddSeconds(second);
        var guess = zone.GetUtcOffset(DateTime.SpecifyKind(wall, DateTimeKind.Utc));
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(wall - guess, DateTimeKind.Utc));
        return new ZonedTime(new DateTimeOffset(DateTime.SpecifyKind(wall - offset, DateTimeKind.Utc)), zone);
    }

    /// <summary>Go's <c>AddDate</c>: the same wall clock so many months and days on, resolved by <see cref="Date"/>.</summary>
    public ZonedTime AddDate(int months, int days)
    {
        var wall = Wall;
        return Date(Zone, wall.Year, wall.Month + months, wall.Day + days, wall.Hour, wall.Minute, wall.Second);
    }

    public ZonedTime Add(TimeSpan duration) => this with { Instant = Instant + duration };

    /// <summary>Go's <c>Truncate</c>: down to a multiple of <paramref name="unit"/> since the zero time, whatever the zone.</summary>
    public ZonedTime Truncate(TimeSpan unit) =>
        this with { Instant = new DateTimeOffset(Instant.UtcTicks - (Instant.UtcTicks % unit.Ticks), TimeSpan.Zero) };
}
