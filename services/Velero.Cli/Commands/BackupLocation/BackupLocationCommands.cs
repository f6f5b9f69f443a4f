using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.BackupLocation;

/// <summary><c>velero backup-location</c>: create, delete, get and set, as upstream.</summary>
internal static class BackupLocationCommands
{
    public static Command Create() =>
        new Command("backup-location", "Work with backup storage locations") { Long = "Work with backup storage locations" }.Add(
            CreateBackupLocationCommand.Create(),
            DeleteBackupLocationCommand.Create(),
            GetBackupLocationsCommand.Create(),
            SetBackupLocationCommand.Create());
}
