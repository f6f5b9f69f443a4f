using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Schedule;

/// <summary>
/// Upstream's <c>--skip-immediately</c>: a tri-state that needs a value; unset leaves the choice to the server's
/// <c>--schedule-skip-immediately</c>.
/// </summary>
internal static class SkipImmediatelyFlag
{
    public static Flag<bool?> Bind(Command command) =>
        command.Flags.OptionalBool("skip-immediately", null, "Skip the next scheduled backup immediately", noValueDefault: null);
}
