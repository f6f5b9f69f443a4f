using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Restore;

/// <summary><c>velero restore</c>: upstream's group (pkg/cmd/cli/restore/restore.go); logs is added beside these.</summary>
internal static class RestoreCommands
{
    public static Command Create() => new Command("restore", "Work with restores") { Long = "Work with restores" }.Add(
        CreateRestoreCommand.Create(),
        GetRestoresCommand.Create(),
        DescribeRestoresCommand.Create(),
        DeleteRestoreCommand.Create());
}
