namespace Velero.Cli.CommandLine;

/// <summary>
/// What a CLI run sees of the world: its streams, the clock, environment variables and the home directory.
/// Tests build one around string writers and a fake clock.
/// </summary>
internal sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }
    public required TextWriter Err { get; init; }
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Standard output is a terminal: progress bars and colours; otherwise plain lines.</summary>
    public bool OutputIsTerminal { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The zone timestamps are shown in; Go's client shows them in local time.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;
    public string HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Directory relative file paths resolve against (downloads, <c>--secret-file</c>).</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    public static CliEnvironment FromConsole() => new()
    {
        Out = Console.Out,
        Err = Console.Error,
        In = Console.In,
        OutputIsTerminal = !Console.IsOutputRedirected,
    };
}
