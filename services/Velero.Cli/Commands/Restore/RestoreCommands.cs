using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Restore;

/// <summary><c>velero restore</c>: the restore verbs.</summary>
internal static class RestoreCommands
{
    public static Command Create()
    {
        var command = new Command("restore", "Work with restores") { Long = "Work with restores" };
        command.Add(RestoreLogsCommand.Create());
        return command;
    }
}
