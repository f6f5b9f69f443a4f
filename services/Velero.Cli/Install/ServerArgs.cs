using System.Globalization;
using Velero.Api;

namespace Velero.Cli.Install;

/// <summary>The arguments of <c>/velero server</c>, in the order and form upstream's install writes them.</summary>
public static class ServerArgs
{
    public static List<string> For(InstallOptions options, IReadOnlyList<string> roles)
    {
        var args = new List<string> { "server", $"--roles={string.Join(",", roles)}" };
        if (options.Features.Count > 0)
        {
            args.Add($"--features={string.Join(",", options.Features)}");
        }

        AddIf(args, options.DefaultVolumesToFsBackup, "--default-volumes-to-fs-backup=true");
        AddIf(args, options.DefaultSnapshotMoveData, "--default-snapshot-move-data=true");
        AddIf(args, options.DisableInformerCache, "--disable-informer-cache=true");
        AddIf(args, options.ScheduleSkipImmediately, "--schedule-skip-immediately=true");
        AddIf(args, options.UploaderType.Length > 0, $"--uploader-type={options.UploaderType}");
        AddIf(args, options.RestoreOnly, "--restore-only");
        AddIf(args, options.DefaultRepoMaintenanceFrequency > TimeSpan.Zero,
            $"--default-repo-maintain-frequency={GoDuration.Format(options.DefaultRepoMaintenanceFrequency)}");
        AddIf(args, options.GarbageCollectionFrequency > TimeSpan.Zero,
            $"--garbage-collection-frequency={GoDuration.Format(options.GarbageCollectionFrequency)}");
        AddIf(args, options.PodVolumeOperationTimeout > TimeSpan.Zero,
            $"--fs-backup-timeout={GoDuration.Format(options.PodVolumeOperationTimeout)}");
        AddIf(args, options.KeepLatestMaintenanceJobs > 0,
            $"--keep-latest-maintenance-jobs={options.KeepLatestMaintenanceJobs.ToString(CultureInfo.InvariantCulture)}");
        AddIf(args, options.MaintenanceJobCpuLimit.Length > 0, $"--maintenance-job-cpu-limit={options.MaintenanceJobCpuLimit}");
        AddIf(args, options.MaintenanceJobCpuRequest.Length > 0, $"--maintenance-job-cpu-request={options.MaintenanceJobCpuRequest}");
        AddIf(args, options.MaintenanceJobMemLimit.Length > 0, $"--maintenance-job-mem-limit={options.MaintenanceJobMemLimit}");
        AddIf(args, options.MaintenanceJobMemRequest.Length > 0, $"--maintenance-job-mem-request={options.MaintenanceJobMemRequest}");
        AddIf(args, options.BackupRepositoryConfigMap.Length > 0, $"--backup-repository-configmap={options.BackupRepositoryConfigMap}");
        AddIf(args, options.RepoMaintenanceJobConfigMap.Length > 0, $"--repo-maintenance-job-configmap={options.RepoMaintenanceJobConfigMap}");
        AddIf(args, options.ItemBlockWorkerCount > 0,
            $"--item-block-worker-count={options.ItemBlockWorkerCount.ToString(CultureInfo.InvariantCulture)}");
        AddIf(args, options.ConcurrentBackups > 0,
            $"--concurrent-backups={options.ConcurrentBackups.ToString(CultureInfo.InvariantCulture)}");
        return args;
    }

    /// <summary>The node agent: the uploader role, with the node-agent settings upstream passes to <c>velero node-agent server</c>.</summary>
    public static List<string> ForNodeAgent(InstallOptions options, string role)
    {
        var args = new List<string> { "server", $"--roles={role}" };
        if (options.Features.Count > 0)
        {
            args.Add($"--features={string.Join(",", options.Features)}");
        }

        AddIf(args, options.NodeAgentConfigMap.Length > 0, $"--node-agent-configmap={options.NodeAgentConfigMap}");
        AddIf(args, options.BackupRepositoryConfigMap.Length > 0, $"--backup-repository-configmap={options.BackupRepositoryConfigMap}");
        return args;
    }

    private static void AddIf(List<string> args, bool condition, string arg)
    {
        if (condition)
        {
            args.Add(arg);
        }
    }
}
