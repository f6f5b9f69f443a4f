using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Restore;

/// <summary><c>velero restore</c>: upstream's group (pkg/cmd/cli/restore/restore.go), its verbs in upstream's order.</summary>
internal static class RestoreCommands
{
    public static Command Create() => new Command("restore", "Work with restores") { Long = "Work with restores" }.Add(
        CreateRestoreCommand.Create(),
        GetRestoresCommand.Create(),
        RestoreLogsCommand.Create(),
        DescribeRestoresCommand.Create(),
        DeleteRestoreCommand.Create());
}
