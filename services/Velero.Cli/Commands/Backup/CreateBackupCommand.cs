using Velero.Cli.CommandLine;
using Velero.Cli.Output;

namespace Velero.Cli.Commands.Backup;

/// <summary>
/// <c>velero backup create NAME</c> with upstream's flags (pkg/cmd/cli/backup/create.go): validated in upstream's order,
/// printed instead of submitted with <c>-o</c>, and followed to completion with <c>--wait</c>.
/// </summary>
internal static class CreateBackupCommand
{
    public static Command Create()
    {
        var command = new Command("create NAME", "Create a backup")
        {
            Args = ArgsRule.Range(0, 1),
            Example = """
                  # Create a backup containing all resources.
                  velero backup create backup1

                  # Create a backup including only the nginx namespace.
                  velero backup create nginx-backup --include-namespaces nginx

                  # Create a backup excluding the velero and default namespaces.
                  velero backup create backup2 --exclude-namespaces velero,default

                  # Create a backup based on a schedule named daily-backup.
                  velero backup create --from-schedule daily-backup

                  # View the YAML for a backup that doesn't snapshot volumes, without sending it to the server.
                  velero backup create backup3 --snapshot-volumes=false -o yaml

                  # Wait for a backup to complete before returning from the command.
                  velero backup create backup4 --wait
                """,
        };
        var options = BackupSpecFlags.Bind(command);
        var wait = command.Flags.Bool("wait", "w", false, "Wait for the operation to complete.");
        var fromSchedule = command.Flags.String("from-schedule", null, "",
            "Create a backup from the template of an existing schedule. Cannot be used with any other filters. Backup name is optional if used.");
        var output = OutputFlags.Bind(command);
        command.Run = ctx => new BackupCreation(ctx, options, output, fromSchedule, wait.Value).RunAsync();
        return command;
    }
}
