using Velero.Cli.CommandLine;
using Velero.Cli.Output;

namespace Velero.Cli.Commands.Restore;

/// <summary><c>velero restore create [RESTORE_NAME] --from-backup NAME | --from-schedule NAME</c> with upstream's flags (pkg/cmd/cli/restore/create.go).</summary>
internal static class CreateRestoreCommand
{
    public static Command Create()
    {
        var command = new Command("create [RESTORE_NAME] [--from-backup BACKUP_NAME | --from-schedule SCHEDULE_NAME]", "Create a restore")
        {
            Args = ArgsRule.Range(0, 1),
            Example = """
                  # Create a restore named "restore-1" from backup "backup-1".
                  velero restore create restore-1 --from-backup backup-1

                  # Create a restore with a default name ("backup-1-<timestamp>") from backup "backup-1".
                  velero restore create --from-backup backup-1
                 
                  # Create a restore from the latest successful backup triggered by schedule "schedule-1".
                  velero restore create --from-schedule schedule-1

                  # Create a restore from the latest successful OR partially-failed backup triggered by schedule "schedule-1".
                  velero restore create --from-schedule schedule-1 --allow-partially-failed

                  # Create a restore for only persistentvolumeclaims and persistentvolumes within a backup.
                  velero restore create --from-backup backup-2 --include-resources persistentvolumeclaims,persistentvolumes
                """,
        };
        var f = command.Flags;
        var o = new RestoreOptions
        {
            FromBackup = f.String("from-backup", null, "", "Backup to restore from"),
            FromSchedule = f.String("from-schedule", null, "", "Schedule to restore from"),
            IncludeNamespaces = f.StringSlice("include-namespaces", null, "Namespaces to include in the restore (use '*' for all namespaces)", ["*"]),
            ExcludeNamespaces = f.StringSlice("exclude-namespaces", null, "Namespaces to exclude from the restore."),
            NamespaceMappings = f.StringArray("namespace-mappings", null, "Namespace mappings from name in the backup to desired restored name in the form src1:dst1,src2:dst2,..."),
            Labels = f.Map("labels", null, "Labels to apply to the restore."),
            Annotations = f.Map("annotations", null, "Annotations to apply to the restore."),
            IncludeResources = f.StringSlice("include-resources", null, "Resources to include in the restore, formatted as resource.group, such as storageclasses.storage.k8s.io (use '*' for all resources)."),
            ExcludeResources = f.StringSlice("exclude-resources", null, "Resources to exclude from the restore, formatted as resource.group, such as storageclasses.storage.k8s.io."),
            ExistingResourcePolicy = f.String("existing-resource-policy", null, "", "Restore Policy to be used during the restore workflow, can be - none or update"),
            StatusIncludeResources = f.StringSlice("status-include-resources", null, "Resources to include in the restore status, formatted as resource.group, such as storageclasses.storage.k8s.io."),
            StatusExcludeResources = f.StringSlice("status-exclude-resources", null, "Resources to exclude from the restore status, formatted as resource.group, such as storageclasses.storage.k8s.io."),
            Selector = f.String("selector", "l", "", "Only restore resources matching this label selector."),
            OrSelector = f.String("or-selector", null, "", "Restore resources matching at least one of the label selector from the list. Label selectors should be separated by ' or '. For example, foo=bar or app=nginx"),
            ItemOperationTimeout = f.Duration("item-operation-timeout", null, TimeSpan.Zero, "How long to wait for async plugin operations before timeout."),
            RestoreVolumes = f.OptionalBool("restore-volumes", null, "Whether to restore volumes from snapshots."),
            PreserveNodePorts = f.OptionalBool("preserve-nodeports", null, "Whether to preserve nodeports of Services when restoring."),
            IncludeClusterResources = f.OptionalBool("include-cluster-resources", null, "Include cluster-scoped resources in the restore."),
            AllowPartiallyFailed = f.OptionalBool("allow-partially-failed", null, "If using --from-schedule, whether to consider PartiallyFailed backups when looking for the most recent one. This flag has no effect if not using --from-schedule."),
            Wait = f.Bool("wait", "w", false, "Wait for the operation to complete."),
            ResourceModifierConfigMap = f.String("resource-modifier-configmap", null, "", "Reference to the resource modifier configmap that restore will use"),
            WriteSparseFiles = f.OptionalBool("write-sparse-files", null, "Whether to write sparse files during restoring volumes"),
            ParallelFilesDownload = f.Int("parallel-files-download", null, 0, "The number of restore operations to run in parallel. If set to 0, the default parallelism will be the number of CPUs for the node that node agent pod is running."),
        };
        var output = OutputFlags.Bind(command);
        command.Run = ctx => new RestoreCreation(ctx, o, output).RunAsync();
        return command;
    }
}
