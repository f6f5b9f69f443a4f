using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Backup;

/// <summary><c>velero backup</c>: upstream's group (pkg/cmd/cli/backup/backup.go); logs and download are added beside these.</summary>
internal static class BackupCommands
{
    public static Command Create() => new Command("backup", "Work with backups") { Long = "Work with backups" }.Add(
        CreateBackupCommand.Create(),
        GetBackupsCommand.Create(),
        DescribeBackupsCommand.Create(),
        DeleteBackupCommand.Create());
}
