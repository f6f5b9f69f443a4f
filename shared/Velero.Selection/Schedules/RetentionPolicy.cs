using System.Globalization;

namespace Velero.Selection.Schedules;

/// <summary>
/// How many of a schedule's backups to keep beyond TTL, read from the Schedule's annotations
/// (<c>retention.velero-services.io/keep-last</c>, <c>keep-hourly</c>, <c>keep-daily</c>, <c>keep-weekly</c>,
/// <c>keep-monthly</c>, <c>keep-yearly</c>): annotations, not fields, so the velero.io/v1 schema stays upstream's.
/// </summary>
public sealed record RetentionPolicy
{
    public const string Prefix = "retention.velero-services.io/";
    public const string KeepLastKey = Prefix + "keep-last";
    public const string KeepHourlyKey = Prefix + "keep-hourly";
    public const string KeepDailyKey = Prefix + "keep-daily";
    public const string KeepWeeklyKey = Prefix + "keep-weekly";
    public const string KeepMonthlyKey = Prefix + "keep-monthly";
    public const string KeepYearlyKey = Prefix + "keep-yearly";

    /// <summary>The largest count accepted: beyond it a rule keeps everything a schedule could make in decades.</summary>
    public const int MaxCount = 100_000;

    public static IReadOnlyList<string> Keys { get; } =
        [KeepLastKey, KeepHourlyKey, KeepDailyKey, KeepWeeklyKey, KeepMonthlyKey, KeepYearlyKey];

    public int Last { get; init; }
    public int Hourly { get; init; }
    public int Daily { get; init; }
    public int Weekly { get; init; }
    public int Monthly { get; init; }
    public int Yearly { get; init; }

    /// <summary>
    /// The policy the annotations ask for; null when they name none (TTL alone then, as upstream). Errors name the
    /// annotation; with any error there is no policy, so a mistyped value never prunes.
    /// </summary>
    public static RetentionPolicy? FromAnnotations(IDictionary<string, string>? annotations, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        var present = annotations?.Where(a => a.Key.StartsWith(Prefix, StringComparison.Ordinal)).ToList() ?? [];
        if (present.Count == 0)
        {
            return null;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in present.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                problems.Add($"annotation {key}: unknown retention rule (use {string.Join(", ", Keys.Select(k => k[Prefix.Length..]))})");
            }
            else if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxCount)
            {
                problems.Add($"annotation {key}: \"{value}\" is not a whole number from 0 to {MaxCount}");
            }
            else
            {
                counts[key] = count;
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        return new RetentionPolicy
        {
            Last = counts.GetValueOrDefault(KeepLastKey),
            Hourly = counts.GetValueOrDefault(KeepHourlyKey),
            Daily = counts.GetValueOrDefault(KeepDailyKey),
            Weekly = counts.GetValueOrDefault(KeepWeeklyKey),
            Monthly = counts.GetValueOrDefault(KeepMonthlyKey),
            Yearly = counts.GetValueOrDefault(KeepYearlyKey),
        };
    }
}
