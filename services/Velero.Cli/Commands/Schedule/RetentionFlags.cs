using Velero.Cli.CommandLine;
using Velero.Selection.Schedules;

namespace Velero.Cli.Commands.Schedule;

/// <summary>
/// <c>--keep-last</c>, <c>--keep-hourly</c> ... <c>--keep-yearly</c> (not upstream's): each sets the matching
/// <c>retention.velero-services.io/</c> annotation on the Schedule; flags not given set nothing, so TTL alone applies.
/// </summary>
internal sealed class RetentionFlags
{
    private readonly List<(string Key, Flag<int> Flag)> _flags;

    private RetentionFlags(List<(string Key, Flag<int> Flag)> flags) => _flags = flags;

    public static RetentionFlags Bind(Command command) => new([.. RetentionPolicy.Keys.Select(key =>
    {
        var rule = key[RetentionPolicy.Prefix.Length..];
        var period = rule == "keep-last" ? "newest backups" : $"{rule["keep-".Length..]} backups (the newest of each period)";
        return (key, command.Flags.Int(rule, null, 0, $"Keep this many {period}; others are deleted (annotation {key})"));
    })]);

    /// <summary>The annotations the given flags ask for; a negative or too large count fails as the server would.</summary>
    public IReadOnlyDictionary<string, string> Annotations()
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, flag) in _flags.Where(f => f.Flag.Changed))
        {
            if (flag.Value is < 0 or > RetentionPolicy.MaxCount)
            {
                throw new CliException($"--{key[RetentionPolicy.Prefix.Length..]} must be from 0 to {RetentionPolicy.MaxCount}");
            }

            annotations[key] = flag.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return annotations;
    }
}
