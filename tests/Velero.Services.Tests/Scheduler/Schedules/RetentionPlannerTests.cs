using System.Globalization;
using Velero.Api.V1;
using Velero.Selection.Schedules;

namespace Velero.Services.Tests.Scheduler.Schedules;

public sealed class RetentionPlannerTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    [Fact]
    public void Keep_last_keeps_the_newest_completed_backups()
    {
        var backups = Hourly("2026-05-01T00:00:00Z", 5);

        var plan = RetentionPlanner.Plan(new RetentionPolicy { Last = 2 }, backups, Utc);

        Assert.Equal(["b-04", "b-03"], Kept(plan));
        Assert.Equal(["b-02", "b-01", "b-00"], Removed(plan));
    }

    [Fact]
    public void The_newest_completed_backup_is_kept_even_when_every_count_is_zero()
    {
        var plan = RetentionPlanner.Plan(new RetentionPolicy(), Hourly("2026-05-01T00:00:00Z", 3), Utc);

        Assert.Equal(["b-02"], Kept(plan));
        Assert.Contains("newest completed", plan[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_daily_keeps_the_newest_backup_of_each_of_the_last_days()
    {
        // Every 6 hours for 4 days: 16 backups, the last of each day at 18:00.
        var backups = Every("2026-05-01T00:00:00Z", TimeSpan.FromHours(6), 16);

        var plan = RetentionPlanner.Plan(new RetentionPolicy { Daily = 3 }, backups, Utc);

        Assert.Equal(["b-15", "b-11", "b-07"], Kept(plan));
    }

    [Fact]
    public void Days_are_the_days_of_the_schedules_zone()
    {
        // 22:00 and 23:30 UTC on May 1 are already May 2 in Berlin (CEST, +2): one Berlin day, two UTC hours on May 1.
        var backups = new[]
        {
            Backup("a", "2026-05-01T20:00:00Z"),
            Backup("b", "2026-05-01T22:00:00Z"),
            Backup("c", "2026-05-01T23:30:00Z"),
        };

        Assert.Equal(["c", "a"], Kept(RetentionPlanner.Plan(new RetentionPolicy { Daily = 5 }, backups,
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))));
        Assert.Equal(["c"], Kept(RetentionPlanner.Plan(new RetentionPolicy { Daily = 5 }, backups, Utc)));
    }

    [Fact]
    public void Grandfather_father_son_keeps_days_weeks_and_months_together()
    {
        // One backup a day at 01:00 from 2026-01-01 to 2026-04-30 (120 days).
        var backups = Every("2026-01-01T01:00:00Z", TimeSpan.FromDays(1), 120);

        var plan = RetentionPlanner.Plan(new RetentionPolicy { Daily = 7, Weekly = 4, Monthly = 3 }, backups, Utc);

        var kept = plan.Where(d => d.Keep).Select(d => d.Backup.TakenAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(
        [
            // Daily: Apr 24-30. Weekly (ISO weeks end on Sunday): Apr 30 (week 18), Apr 26, Apr 19, Apr 12.
            // Monthly: Apr 30, Mar 31, Feb 28.
            "2026-04-30", "2026-04-29", "2026-04-28", "2026-04-27", "2026-04-26", "2026-04-25", "2026-04-24",
            "2026-04-19", "2026-04-12", "2026-03-31", "2026-02-28",
        ], kept);
        Assert.Equal("kept: newest completed, daily, weekly, monthly", plan[0].Reason);
    }

    [Fact]
    public void Iso_weeks_span_the_new_year()
    {
        // 2026-12-31 (Thursday) and 2027-01-03 (Sunday) are both ISO week 2026-W53.
        var backups = new[] { Backup("a", "2026-12-28T00:00:00Z"), Backup("b", "2026-12-31T00:00:00Z"), Backup("c", "2027-01-03T00:00:00Z") };

        Assert.Equal(["c"], Kept(RetentionPlanner.Plan(new RetentionPolicy { Weekly = 2 }, backups, Utc)));
        Assert.Equal(["c", "b"], Kept(RetentionPlanner.Plan(new RetentionPolicy { Yearly = 2 }, backups, Utc)));
    }

    [Fact]
    public void Failed_backups_go_once_a_newer_one_completed_and_never_count_as_kept()
    {
        var backups = new[]
        {
            Backup("old-ok", "2026-05-01T00:00:00Z"),
            Backup("failed", "2026-05-01T01:00:00Z", BackupPhase.Failed),
            Backup("partial", "2026-05-01T02:00:00Z", BackupPhase.PartiallyFailed),
            Backup("new-ok", "2026-05-01T03:00:00Z"),
            Backup("newest-failed", "2026-05-01T04:00:00Z", BackupPhase.Failed),
        };

        var plan = RetentionPlanner.Plan(new RetentionPolicy { Last = 2 }, backups, Utc);

        // keep-last 2 counts completed backups only: new-ok and old-ok.
        Assert.Equal(["newest-failed", "new-ok", "old-ok"], Kept(plan));
        Assert.Equal(["partial", "failed"], Removed(plan));
        Assert.Equal("PartiallyFailed and a newer backup completed", plan.Single(d => d.Backup.Name == "partial").Reason);
    }

    [Fact]
    public void Without_any_completed_backup_failed_ones_stay_for_ttl()
    {
        var backups = new[] { Backup("f1", "2026-05-01T00:00:00Z", BackupPhase.Failed), Backup("f2", "2026-05-01T01:00:00Z", BackupPhase.PartiallyFailed) };

        Assert.Empty(Removed(RetentionPlanner.Plan(new RetentionPolicy { Last = 1 }, backups, Utc)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(BackupPhase.New)]
    [InlineData(BackupPhase.Queued)]
    [InlineData(BackupPhase.InProgress)]
    [InlineData(BackupPhase.Finalizing)]
    public void Unfinished_backups_are_never_removed(string phase)
    {
        var backups = new[] { Backup("running", "2026-05-01T00:00:00Z", phase), Backup("ok", "2026-05-01T01:00:00Z") };

        Assert.Empty(Removed(RetentionPlanner.Plan(new RetentionPolicy { Last = 1 }, backups, Utc)));
    }

    private static RetainedBackup Backup(string name, string at, string phase = BackupPhase.Completed) =>
        new(name, "uid-" + name, phase, DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));

    private static RetainedBackup[] Hourly(string start, int count) => Every(start, TimeSpan.FromHours(1), count);

    private static RetainedBackup[] Every(string start, TimeSpan step, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new RetainedBackup($"b-{i:00}", $"uid-{i}", BackupPhase.Completed,
            DateTimeOffset.Parse(start, CultureInfo.InvariantCulture) + (step * i)))];

    private static List<string> Kept(IReadOnlyList<RetentionDecision> plan) => [.. plan.Where(d => d.Keep).Select(d => d.Backup.Name)];

    private static List<string> Removed(IReadOnlyList<RetentionDecision> plan) => [.. plan.Where(d => !d.Keep).Select(d => d.Backup.Name)];
}
