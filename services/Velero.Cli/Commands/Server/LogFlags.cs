using Velero.ServiceDefaults.Hosting;

namespace Velero.Cli.Commands.Server;

/// <summary>
/// Upstream's <c>--log-level</c> (logrus levels) and <c>--log-format</c> (text, json), as .NET's logging settings.
/// </summary>
internal static class LogFlags
{
    public const string LevelKey = "Logging:LogLevel:Default";
    public const string FormatterKey = ServiceHost.ConsoleFormatterKey;

    /// <summary>logrus's levels in upstream's help order; fatal and panic both end a Go process, as Critical marks here.</summary>
    private static readonly (string Logrus, string Dotnet)[] Levels =
    [
        ("trace", "Trace"), ("debug", "Debug"), ("info", "Information"), ("warning", "Warning"), ("error", "Error"),
        ("fatal", "Critical"), ("panic", "Critical"),
    ];

    private static readonly (string Upstream, string Formatter)[] Formats = [("text", "simple"), ("json", "json")];

    public static ServerFlag Level { get; } = ServerFlagKinds.Custom("log-level", "", "info", LevelKey,
        $"The level at which to log. Valid values are {string.Join(", ", Levels.Select(l => l.Logrus))}",
        text => Map("log-level", text, Levels, LevelKey));

    public static ServerFlag Format { get; } = ServerFlagKinds.Custom("log-format", "", "text", FormatterKey,
        $"The format for log output. Valid values are {string.Join(", ", Formats.Select(f => f.Upstream))}",
        text => Map("log-format", text, Formats, FormatterKey));

    private static FlagOutcome Map(string flag, string text, (string, string)[] table, string key)
    {
        foreach (var (upstream, ours) in table)
        {
            if (upstream == text)
            {
                return FlagOutcome.Set(key, ours);
            }
        }

        return FlagOutcome.Invalid(flag, text, $"invalid value: \"{text}\"");
    }
}
