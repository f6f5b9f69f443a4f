using System.Globalization;
using Velero.Selection.Schedules;

namespace Velero.Services.Tests.Scheduler.Schedules;

/// <summary>The one cron parser, against the firings and the error texts of robfig/cron v3's ParseStandard.</summary>
public sealed class CronScheduleTests
{
    [Theory]
    // Month ends: the 31st skips the months without one; the 29th of February waits for a leap year.
    [InlineData("0 0 31 * *", "2026-01-31T00:00:00Z", "2026-03-31T00:00:00Z")]
    [InlineData("0 0 31 * *", "2026-04-15T00:00:00Z", "2026-05-31T00:00:00Z")]
    [InlineData("0 0 29 2 *", "2026-01-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("0 0 30 * *", "2026-01-30T00:00:00Z", "2026-03-30T00:00:00Z")]
    // Strictly after: a time on the dot gives the next one.
    [InlineData("0 */6 * * *", "2026-05-01T06:00:00Z", "2026-05-01T12:00:00Z")]
    [InlineData("0 */6 * * *", "2026-05-01T06:00:00.5Z", "2026-05-01T12:00:00Z")]
    [InlineData("15,45 9-17/2 * * *", "2026-05-01T09:45:00Z", "2026-05-01T11:15:00Z")]
    // A step on a single value runs to the end of the field.
    [InlineData("5/20 * * * *", "2026-05-01T10:06:00Z", "2026-05-01T10:25:00Z")]
    // Day of month and day of week: either matches when both are restricted, both must when one is a star.
    [InlineData("0 0 13 * 5", "2026-02-01T00:00:00Z", "2026-02-06T00:00:00Z")]
    [InlineData("0 0 13 * *", "2026-02-01T00:00:00Z", "2026-02-13T00:00:00Z")]
    [InlineData("0 0 * * FRI", "2026-02-01T00:00:00Z", "2026-02-06T00:00:00Z")]
    [InlineData("0 0 */2 * 1", "2026-02-01T12:00:00Z", "2026-02-02T00:00:00Z")]
    [InlineData("0 0 ? * 1", "2026-02-03T00:00:00Z", "2026-02-09T00:00:00Z")]
    [InlineData("0 12 * JAN-mar sun", "2026-03-29T12:00:00Z", "2027-01-03T12:00:00Z")]
    // Descriptors.
    [InlineData("@yearly", "2026-05-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("@annually", "2026-05-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("@monthly", "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z")]
    [InlineData("@weekly", "2026-05-01T00:00:00Z", "2026-05-03T00:00:00Z")]
    [InlineData("@daily", "2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z")]
    [InlineData("@midnight", "2026-05-01T23:59:59Z", "2026-05-02T00:00:00Z")]
    [InlineData("@hourly", "2026-05-01T10:59:00Z", "2026-05-01T11:00:00Z")]
    // @every counts from the time given, dropping its fraction of a second; a zone prefix does not change it.
    [InlineData("@every 6h", "2026-05-01T10:17:03.250Z", "2026-05-01T16:17:03Z")]
    [InlineData("@every 1h30m", "2026-05-01T10:00:00Z", "2026-05-01T11:30:00Z")]
    [InlineData("@every 1.5s", "2026-05-01T10:00:00Z", "2026-05-01T10:00:01Z")]
    [InlineData("@every 100ms", "2026-05-01T10:00:00Z", "2026-05-01T10:00:01Z")]
    [InlineData("CRON_TZ=Europe/Berlin @every 24h", "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z")]
    // A zone prefix: 09:00 in Tokyo is midnight UTC.
    [InlineData("CRON_TZ=Asia/Tokyo 0 9 * * *", "2026-05-01T01:00:00Z", "2026-05-02T00:00:00Z")]
    [InlineData("TZ=UTC 0 0 1 1 SUN", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z")]
    public void Next_firing_is_robfigs(string spec, string after, string expected) =>
        Assert.Equal(Time(expected), CronSchedule.Parse(spec).NextAfter(Time(after)));

    [Theory]
    // Spring forward in New York (2:00 EST becomes 3:00 EDT): hours run 1:00 EST then 3:00 EDT, and a 2:xx firing
    // is skipped that day. The cases are robfig's own (spec_test.go), in five fields.
    [InlineData("TZ=America/New_York 30 2 11 Mar ?", "2012-03-11T00:00:00-05:00", "2013-03-11T02:30:00-04:00")]
    [InlineData("TZ=America/New_York 0 * * * ?", "2012-03-11T00:00:00-05:00", "2012-03-11T01:00:00-05:00")]
    [InlineData("TZ=America/New_York 0 * * * ?", "2012-03-11T01:00:00-05:00", "2012-03-11T03:00:00-04:00")]
    [InlineData("CRON_TZ=America/New_York 0 * * * ?", "2012-03-11T03:00:00-04:00", "2012-03-11T04:00:00-04:00")]
    [InlineData("TZ=America/New_York 0 1 * * ?", "2012-03-11T01:00:00-05:00", "2012-03-12T01:00:00-04:00")]
    [InlineData("TZ=America/New_York 0 2 * * ?", "2012-03-11T00:00:00-05:00", "2012-03-12T02:00:00-04:00")]
    [InlineData("CRON_TZ=America/New_York 30 2 * * *", "2026-03-07T12:00:00Z", "2026-03-09T02:30:00-04:00")]
    // Fall back (2:00 EDT becomes 1:00 EST): the repeated hour fires twice, the hours after it once.
    [InlineData("TZ=America/New_York 30 2 04 Nov ?", "2012-11-04T00:00:00-04:00", "2012-11-04T02:30:00-05:00")]
    [InlineData("TZ=America/New_York 30 1 04 Nov ?", "2012-11-04T01:45:00-04:00", "2012-11-04T01:30:00-05:00")]
    [InlineData("TZ=America/New_York 0 * * * ?", "2012-11-04T01:00:00-04:00", "2012-11-04T01:00:00-05:00")]
    [InlineData("TZ=America/New_York 0 * * * ?", "2012-11-04T01:00:00-05:00", "2012-11-04T02:00:00-05:00")]
    [InlineData("TZ=America/New_York 0 1 * * ?", "2012-11-04T00:00:00-04:00", "2012-11-04T01:00:00-04:00")]
    [InlineData("TZ=America/New_York 0 1 * * ?", "2012-11-04T01:00:00-04:00", "2012-11-04T01:00:00-05:00")]
    [InlineData("TZ=America/New_York 0 1 * * ?", "2012-11-04T01:00:00-05:00", "2012-11-05T01:00:00-05:00")]
    [InlineData("TZ=America/New_York 0 2 * * ?", "2012-11-04T00:00:00-04:00", "2012-11-04T02:00:00-05:00")]
    [InlineData("TZ=America/New_York 0 2 * * ?", "2012-11-04T02:00:00-05:00", "2012-11-05T02:00:00-05:00")]
    [InlineData("TZ=America/New_York 0 3 3 * ?", "2012-11-04T00:00:00-04:00", "2012-12-03T03:00:00-05:00")]
    // A zone whose DST began at midnight, so that day had no midnight (robfig's Sao Paulo cases).
    [InlineData("TZ=America/Sao_Paulo 0 9 10 * ?", "2018-10-17T05:00:00-04:00", "2018-11-10T06:00:00-05:00")]
    [InlineData("TZ=America/Sao_Paulo 0 9 22 * ?", "2018-02-14T05:00:00-05:00", "2018-02-22T07:00:00-05:00")]
    // Berlin: 2:00 CET becomes 3:00 CEST on 2026-03-29; 3:00 CEST becomes 2:00 CET on 2026-10-25.
    [InlineData("CRON_TZ=Europe/Berlin 30 2 * * *", "2026-03-28T12:00:00Z", "2026-03-30T02:30:00+02:00")]
    [InlineData("CRON_TZ=Europe/Berlin 0 3 * * *", "2026-03-28T12:00:00Z", "2026-03-29T03:00:00+02:00")]
    [InlineData("CRON_TZ=Europe/Berlin 30 2 * * *", "2026-10-24T12:00:00Z", "2026-10-25T02:30:00+02:00")]
    [InlineData("CRON_TZ=Europe/Berlin 30 2 * * *", "2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00")]
    [InlineData("CRON_TZ=Europe/Berlin 30 2 * * *", "2026-10-25T02:30:00+01:00", "2026-10-26T02:30:00+01:00")]
    [InlineData("CRON_TZ=Europe/Berlin 0 0 * * *", "2026-10-24T12:00:00Z", "2026-10-25T00:00:00+02:00")]
    public void Daylight_saving_changes_fire_as_robfig_fires(string spec, string after, string expected) =>
        Assert.Equal(Time(expected), CronSchedule.Parse(spec).NextAfter(Time(after)));

    [Fact]
    public void A_date_that_never_comes_has_no_next_firing() =>
        Assert.Null(CronSchedule.Parse("0 0 30 2 *").NextAfter(Time("2026-01-01T00:00:00Z")));

    [Theory]
    [InlineData("0 25 * * *", "end of range (25) above maximum (23): 25")]
    [InlineData("61 * * * *", "end of range (61) above maximum (59): 61")]
    [InlineData("0 0 0 * *", "beginning of range (0) below minimum (1): 0")]
    [InlineData("0 0 * 13 *", "end of range (13) above maximum (12): 13")]
    [InlineData("0 0 * * 7", "end of range (7) above maximum (6): 7")]
    [InlineData("0 0 * * FUNDAY", "failed to parse int from FUNDAY: strconv.Atoi: parsing \"FUNDAY\": invalid syntax")]
    [InlineData("*/0 * * * *", "step of range should be a positive number: */0")]
    [InlineData("*/-1 * * * *", "negative number (-1) not allowed: -1")]
    [InlineData("5-2 * * * *", "beginning of range (5) beyond end of range (2): 5-2")]
    [InlineData("1-2-3 * * * *", "too many hyphens: 1-2-3")]
    [InlineData("1/2/3 * * * *", "too many slashes: 1/2/3")]
    [InlineData("99999999999999999999 * * * *", "failed to parse int from 99999999999999999999: strconv.Atoi: parsing \"99999999999999999999\": value out of range")]
    [InlineData("0 6 * *", "expected exactly 5 fields, found 4: [0 6 * *]")]
    [InlineData("0 0 6 * * *", "expected exactly 5 fields, found 6: [0 0 6 * * *]")]
    [InlineData(" @daily", "expected exactly 5 fields, found 1: [@daily]")]
    [InlineData("@fortnightly", "unrecognized descriptor: @fortnightly")]
    [InlineData("@every 6 hours", "failed to parse duration @every 6 hours: time: unknown unit \" hours\" in duration \"6 hours\"")]
    [InlineData("@every 6", "failed to parse duration @every 6: time: missing unit in duration \"6\"")]
    [InlineData("@every", "unrecognized descriptor: @every")]
    [InlineData("@every x", "failed to parse duration @every x: time: invalid duration \"x\"")]
    [InlineData("TZ=Mars/Olympus 0 1 * * *", "provided bad location Mars/Olympus: unknown time zone Mars/Olympus")]
    [InlineData("CRON_TZ=UTC", "runtime error: slice bounds out of range [:-1]")]
    public void A_bad_expression_fails_with_robfigs_message(string spec, string message)
    {
        Assert.False(CronSchedule.TryParse(spec, out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal([$"invalid schedule: {message}"], ScheduleValidation.Validate(spec, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void An_empty_schedule_fails_as_upstream_words_it(string? spec) =>
        Assert.Equal(["Schedule must be a non-empty valid Cron expression"], ScheduleValidation.Validate(spec, out _));

    [Fact]
    public void A_zone_prefix_sets_the_zone_and_none_means_utc()
    {
        Assert.Equal("Europe/Berlin", CronSchedule.Parse("CRON_TZ=Europe/Berlin 0 1 * * *").Zone.Id);
        Assert.Equal(TimeZoneInfo.Utc, CronSchedule.Parse("0 1 * * *").Zone);
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
