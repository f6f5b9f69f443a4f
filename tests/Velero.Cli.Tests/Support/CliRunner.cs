using Velero.Cli.CommandLine;

namespace Velero.Cli.Tests.Support;

/// <summary>Runs the velero CLI in-process, as a user would type it, and captures what it printed.</summary>
internal static class CliRunner
{
    /// <summary>The fixed "now" golden files are written against.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static async Task<CliRun> RunAsync(IReadOnlyList<string> args, TimeProvider? time = null, string? home = null,
        bool terminal = false, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null,
        TextReader? input = null, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment
        {
            Out = output,
            Err = error,
            In = input ?? TextReader.Null,
            OutputIsTerminal = terminal,
            Time = time ?? new FixedTime(Now),
            TimeZone = TimeZoneInfo.Utc,
            // Never the developer's own ~/.kube or ~/.config/velero, nor their VELERO_NAMESPACE.
            Variable = name => environment is not null && environment.TryGetValue(name, out var v) ? v : null,
            HomeDirectory = home ?? Path.Combine(Path.GetTempPath(), "velero-cli-tests-no-home"),
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        var code = await VeleroCommand.RunAsync(args, env, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}
