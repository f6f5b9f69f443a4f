using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Backup;

/// <summary><c>velero backup</c>: upstream's group (pkg/cmd/cli/backup/backup.go), its verbs in upstream's order.</summary>
internal static class BackupCommands
{
    public static Command Create() => new Command("backup", "Work with backups") { Long = "Work with backups" }.Add(
        CreateBackupCommand.Create(),
        GetBackupsCommand.Create(),
        BackupLogsCommand.Create(),
        DescribeBackupsCommand.Create(),
        BackupDownloadCommand.Create(),
        DeleteBackupCommand.Create());
}
