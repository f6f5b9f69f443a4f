using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Backup;

/// <summary><c>velero backup</c>: the backup verbs.</summary>
internal static class BackupCommands
{
    public static Command Create()
    {
        var command = new Command("backup", "Work with backups") { Long = "Work with backups" };
        command.Add(BackupDownloadCommand.Create(), BackupLogsCommand.Create());
        return command;
    }
}
