using System.Globalization;
using Velero.Api.V1;

namespace Velero.Selection.Schedules;

/// <summary>
/// Which of a schedule's backups a <see cref="RetentionPolicy"/> keeps, as restic's <c>forget</c> decides: newest first,
/// <c>keep-last</c> keeps the N newest, and each calendar rule keeps the newest backup of each of the N most recent hours,
/// days, ISO weeks, months or years that have one, read in the schedule's zone. A backup is kept when any rule keeps
/// it, and the newest Completed one always is.
/// <para>
/// Only Completed backups are kept by rules. Failed, PartiallyFailed and FailedValidation ones are removed once a newer
/// Completed backup exists (there is then something better to restore from); until then they stay, for TTL to expire.
/// Backups still running, queued or already Deleting are never touched.
/// </para>
/// </summary>
public static class RetentionPlanner
{
    private static readonly string[] Unsuccessful = [BackupPhase.Failed, BackupPhase.PartiallyFailed, BackupPhase.FailedValidation];

    public static IReadOnlyList<RetentionDecision> Plan(RetentionPolicy policy, IEnumerable<RetainedBackup> backups, TimeZoneInfo zone)
    {
        var ordered = backups.OrderByDescending(b => b.TakenAt).ThenByDescending(b => b.Name, StringComparer.Ordinal).ToList();
        var completed = ordered.Where(b => b.Phase == BackupPhase.Completed).ToList();
        var reasons = completed.ToDictionary(b => b, _ => new List<string>());
        if (completed.Count > 0)
        {
            reasons[completed[0]].Add("newest completed");
        }

        Keep(completed, reasons, policy.Last, "last", b => b.Name);
        Keep(completed, reasons, policy.Hourly, "hourly", b => Local(b, zone).ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture));
        Keep(completed, reasons, policy.Daily, "daily", b => Local(b, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Keep(completed, reasons, policy.Weekly, "weekly", b =>
        {
            var local = Local(b, zone);
            return $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}";
        });
        Keep(completed, reasons, policy.Monthly, "monthly", b => Local(b, zone).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Keep(completed, reasons, policy.Yearly, "yearly", b => Local(b, zone).ToString("yyyy", CultureInfo.InvariantCulture));

        var newestCompleted = completed.Count > 0 ? completed[0].TakenAt : (DateTimeOffset?)null;
        return ordered.Select(b => b.Phase switch
        {
            BackupPhase.Completed when reasons[b].Count > 0 => new RetentionDecision(b, true, "kept: " + string.Join(", ", reasons[b])),
            BackupPhase.Completed => new RetentionDecision(b, false, "no retention rule keeps it"),
            _ when Unsuccessful.Contains(b.Phase) && b.TakenAt < newestCompleted =>
                new RetentionDecision(b, false, $"{b.Phase} and a newer backup completed"),
            _ when Unsuccessful.Contains(b.Phase) => new RetentionDecision(b, true, $"kept: {b.Phase} with no newer completed backup"),
            _ => new RetentionDecision(b, true, $"kept: {(string.IsNullOrEmpty(b.Phase) ? "New" : b.Phase)}"),
        }).ToList();
    }

    // Newest first: the first backup of each new period is that period's newest, until count periods are kept.
    private static void Keep(List<RetainedBackup> completed, Dictionary<RetainedBackup, List<string>> reasons, int count, string rule,
        Func<RetainedBackup, string> period)
    {
        string? last = null;
        foreach (var backup in completed)
        {
            if (count == 0)
            {
                return;
            }

            var key = period(backup);
            if (key == last)
            {
                continue;
            }

            last = key;
            reasons[backup].Add(rule);
            count--;
        }
    }

    private static DateTime Local(RetainedBackup backup, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(backup.TakenAt, zone).DateTime;
}
