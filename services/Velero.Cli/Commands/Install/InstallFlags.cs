using Velero.Cli.CommandLine;
using Velero.Cli.Install;

namespace Velero.Cli.Commands.Install;

/// <summary>
/// Upstream's full install flag list (pkg/cmd/cli/install BindFlags, same names, defaults and help), so existing
/// scripts keep working, plus this product's: <c>--split-services</c>, <c>--broker-url</c>, <c>--database-url</c>,
/// <c>--broker-image</c>, <c>--database-image</c>.
/// </summary>
internal sealed class InstallFlags
{
    public InstallFlags(FlagSet flags)
    {
        Provider = flags.String("provider", null, "", "Provider name for backup and volume storage");
        Bucket = flags.String("bucket", null, "", "Name of the object storage bucket where backups should be stored");
        SecretFile = flags.String("secret-file", null, "", "File containing credentials for backup and volume provider. If not specified, --no-secret must be used for confirmation. Optional.");
        NoSecret = flags.Bool("no-secret", null, false, "Flag indicating if a secret should be created. Must be used as confirmation if --secret-file is not provided. Optional.");
        Apply = flags.Bool("apply", null, false, "Flag indicating if resources should be applied instead of created. This can be used for updating existing resources.");
        NoDefaultBackupLocation = flags.Bool("no-default-backup-location", null, false, "Flag indicating if a default backup location should be created. Must be used as confirmation if --bucket or --provider are not provided. Optional.");
        Image = flags.String("image", null, InstallImages.DefaultServerImage, "Image to use for the Velero and node agent pods. Optional.");
        Prefix = flags.String("prefix", null, "", "Prefix under which all Velero data should be stored within the bucket. Optional.");
        PodAnnotations = flags.Map("pod-annotations", null, "Annotations to add to the Velero and node agent pods. Optional. Format is key1=value1,key2=value2");
        PodLabels = flags.Map("pod-labels", null, "Labels to add to the Velero and node agent pods. Optional. Format is key1=value1,key2=value2");
        SaAnnotations = flags.Map("sa-annotations", null, "Annotations to add to the Velero ServiceAccount. Add iam.gke.io/gcp-service-account=[GSA_NAME]@[PROJECT_NAME].iam.gserviceaccount.com for workload identity. Optional. Format is key1=value1,key2=value2");
        ServiceAccountName = flags.String("service-account-name", null, "", "ServiceAccountName to be set to the Velero and node agent pods, it should be created before the installation, and the user also needs to create the rolebinding for it.  Optional, if this attribute is set, the default service account 'velero' will not be created, and the flag --sa-annotations will be disregarded.");
        VeleroCpuRequest = flags.String("velero-pod-cpu-request", null, PodResources.ServerDefaults.CpuRequest, "CPU request for Velero pod. A value of \"0\" is treated as unbounded. Optional.");
        VeleroMemRequest = flags.String("velero-pod-mem-request", null, PodResources.ServerDefaults.MemRequest, "Memory request for Velero pod. A value of \"0\" is treated as unbounded. Optional.");
        VeleroCpuLimit = flags.String("velero-pod-cpu-limit", null, PodResources.ServerDefaults.CpuLimit, "CPU limit for Velero pod. A value of \"0\" is treated as unbounded. Optional.");
        VeleroMemLimit = flags.String("velero-pod-mem-limit", null, PodResources.ServerDefaults.MemLimit, "Memory limit for Velero pod. A value of \"0\" is treated as unbounded. Optional.");
        NodeAgentCpuRequest = flags.String("node-agent-pod-cpu-request", null, "0", "CPU request for node-agent pod. A value of \"0\" is treated as unbounded. Optional.");
        NodeAgentMemRequest = flags.String("node-agent-pod-mem-request", null, "0", "Memory request for node-agent pod. A value of \"0\" is treated as unbounded. Optional.");
        NodeAgentCpuLimit = flags.String("node-agent-pod-cpu-limit", null, "0", "CPU limit for node-agent pod. A value of \"0\" is treated as unbounded. Optional.");
        NodeAgentMemLimit = flags.String("node-agent-pod-mem-limit", null, "0", "Memory limit for node-agent pod. A value of \"0\" is treated as unbounded. Optional.");
        KubeletRootDir = flags.String("kubelet-root-dir", null, "/var/lib/kubelet", "Kubelet root directory for the node agent. Optional.");
        BackupLocationConfig = flags.Map("backup-location-config", null, "Configuration to use for the backup storage location. Format is key1=value1,key2=value2");
        SnapshotLocationConfig = flags.Map("snapshot-location-config", null, "Configuration to use for the volume snapshot location. Format is key1=value1,key2=value2");
        UseVolumeSnapshots = flags.Bool("use-volume-snapshots", null, true, "Whether or not to create snapshot location automatically. Set to false if you do not plan to create volume snapshots via a storage provider.");
        RestoreOnly = flags.Bool("restore-only", null, false, "Run the server in restore-only mode. Optional.");
        DryRun = flags.Bool("dry-run", null, false, "Generate resources, but don't send them to the cluster. Use with -o. Optional.");
        UseNodeAgent = flags.Bool("use-node-agent", null, false, "Create Velero node-agent daemonset. Optional. Velero node-agent hosts and associates Velero modules that need to run in one or more Linux nodes.");
        UseNodeAgentWindows = flags.Bool("use-node-agent-windows", null, false, "Create Velero node-agent-windows daemonset. Optional. Velero node-agent-windows hosts and associates Velero modules that need to run in one or more Windows nodes.");
        PrivilegedNodeAgent = flags.Bool("privileged-node-agent", null, false, "Use privileged mode for the node agent. Optional. Required to backup block devices.");
        Wait = flags.Bool("wait", null, false, "Wait for Velero deployment to be ready. Optional.");
        DefaultRepoMaintainFrequency = flags.Duration("default-repo-maintain-frequency", null, TimeSpan.Zero, "How often 'maintain' is run for backup repositories by default. Optional.");
        GarbageCollectionFrequency = flags.Duration("garbage-collection-frequency", null, TimeSpan.Zero, "How often the garbage collection runs for expired backups.(default 1h)");
        PodVolumeOperationTimeout = flags.Duration("pod-volume-operation-timeout", null, TimeSpan.Zero, "How long to wait for pod volume operations to complete before timing out(default 4h). Optional.");
        Plugins = flags.StringSlice("plugins", null, "Plugin container images to install into the Velero Deployment");
        CrdsOnly = flags.Bool("crds-only", null, false, "Only generate CustomResourceDefinition resources. Useful for updating CRDs for an existing Velero install.");
        CaCert = flags.String("cacert", null, "", "File containing a certificate bundle to use when verifying TLS connections to the object store. Optional.");
        Features = flags.String("features", null, "", "Comma separated list of Velero feature flags to be set on the Velero deployment and the node-agent daemonset, if node-agent is enabled");
        DefaultVolumesToFsBackup = flags.Bool("default-volumes-to-fs-backup", null, false, "Bool flag to configure Velero server to use pod volume file system backup by default for all volumes on all backups. Optional.");
        UploaderType = flags.String("uploader-type", null, "kopia", "The type of uploader to transfer the data of pod volumes, supported value: 'kopia'");
        DefaultSnapshotMoveData = flags.Bool("default-snapshot-move-data", null, false, "Bool flag to configure Velero server to move data by default for all snapshots supporting data movement. Optional.");
        CsiSnapshotEarlyFrequentPolling = flags.Bool("csi-snapshot-early-frequent-polling", null, false, "Bool flag to configure Velero server to use early frequent polling by default for all CSI snapshots. Optional.");
        DisableInformerCache = flags.Bool("disable-informer-cache", null, false, "Disable informer cache for Get calls on restore. With this enabled, it will speed up restore in cases where there are backup resources which already exist in the cluster, but for very large clusters this will increase velero memory usage. Default is false (don't disable). Optional.");
        ScheduleSkipImmediately = flags.Bool("schedule-skip-immediately", null, false, "Skip the first scheduled backup immediately after creating a schedule. Default is false (don't skip).");
        NodeAgentDisableHostPath = flags.Bool("node-agent-disable-host-path", null, false, "Don't mount the pod volume host path to node-agent. Optional. Pod volume host path mount is required by fs-backup but could be disabled for other backup methods.");
        KeepLatestMaintenanceJobs = flags.Int("keep-latest-maintenance-jobs", null, 0, "Number of latest maintenance jobs to keep each repository. Optional.");
        MaintenanceJobCpuRequest = flags.String("maintenance-job-cpu-request", null, "", "CPU request for maintenance jobs. Default is no limit.");
        MaintenanceJobMemRequest = flags.String("maintenance-job-mem-request", null, "", "Memory request for maintenance jobs. Default is no limit.");
        MaintenanceJobCpuLimit = flags.String("maintenance-job-cpu-limit", null, "", "CPU limit for maintenance jobs. Default is no limit.");
        MaintenanceJobMemLimit = flags.String("maintenance-job-mem-limit", null, "", "Memory limit for maintenance jobs. Default is no limit.");
        BackupRepositoryConfigMap = flags.String("backup-repository-configmap", null, "", "The name of configMap containing backup repository configurations.");
        RepoMaintenanceJobConfigMap = flags.String("repo-maintenance-job-configmap", null, "", "The name of ConfigMap containing repository maintenance Job configurations.");
        NodeAgentConfigMap = flags.String("node-agent-configmap", null, "", "The name of ConfigMap containing node-agent configurations.");
        ItemBlockWorkerCount = flags.Int("item-block-worker-count", null, 0, "Number of worker threads to process ItemBlocks. Default is one. Optional.");
        ConcurrentBackups = flags.Int("concurrent-backups", null, 0, "Number of backups to process concurrently. Default is one. Optional.");
        ServerPriorityClassName = flags.String("server-priority-class-name", null, "", "Priority class name for the Velero server deployment. Optional.");
        NodeAgentPriorityClassName = flags.String("node-agent-priority-class-name", null, "", "Priority class name for the node agent daemonset. Optional.");
        SplitServices = flags.Bool("split-services", null, false, "Run each server role (scheduler, snapshotter, restorer) in its own Deployment, with its own ServiceAccount and RBAC, to scale them apart. Optional.");
        BrokerUrl = flags.String("broker-url", null, "", "AMQP URL of an existing RabbitMQ (amqp://user:password@host:5672/), kept in the Secret velero-broker. Optional; by default RabbitMQ runs in the Velero namespace.");
        DatabaseUrl = flags.String("database-url", null, "", "URL of an existing PostgreSQL database (postgres://user:password@host:5432/velero?sslmode=require), kept in the Secret velero-database. Optional; by default PostgreSQL runs in the Velero namespace.");
        BrokerImage = flags.String("broker-image", null, InstallImages.DefaultBrokerImage, "RabbitMQ image for the in-namespace broker. Optional.");
        DatabaseImage = flags.String("database-image", null, InstallImages.DefaultDatabaseImage, "PostgreSQL image for the in-namespace database. Optional.");
    }

    public Flag<string> Provider { get; }
    public Flag<string> Bucket { get; }
    public Flag<string> SecretFile { get; }
    public Flag<bool> NoSecret { get; }
    public Flag<bool> Apply { get; }
    public Flag<bool> NoDefaultBackupLocation { get; }
    public Flag<string> Image { get; }
    public Flag<string> Prefix { get; }
    public Flag<IReadOnlyDictionary<string, string>> PodAnnotations { get; }
    public Flag<IReadOnlyDictionary<string, string>> PodLabels { get; }
    public Flag<IReadOnlyDictionary<string, string>> SaAnnotations { get; }
    public Flag<string> ServiceAccountName { get; }
    public Flag<string> VeleroCpuRequest { get; }
    public Flag<string> VeleroMemRequest { get; }
    public Flag<string> VeleroCpuLimit { get; }
    public Flag<string> VeleroMemLimit { get; }
    public Flag<string> NodeAgentCpuRequest { get; }
    public Flag<string> NodeAgentMemRequest { get; }
    public Flag<string> NodeAgentCpuLimit { get; }
    public Flag<string> NodeAgentMemLimit { get; }
    public Flag<string> KubeletRootDir { get; }
    public Flag<IReadOnlyDictionary<string, string>> BackupLocationConfig { get; }
    public Flag<IReadOnlyDictionary<string, string>> SnapshotLocationConfig { get; }
    public Flag<bool> UseVolumeSnapshots { get; }
    public Flag<bool> RestoreOnly { get; }
    public Flag<bool> DryRun { get; }
    public Flag<bool> UseNodeAgent { get; }
    public Flag<bool> UseNodeAgentWindows { get; }
    public Flag<bool> PrivilegedNodeAgent { get; }
    public Flag<bool> Wait { get; }
    public Flag<TimeSpan> DefaultRepoMaintainFrequency { get; }
    public Flag<TimeSpan> GarbageCollectionFrequency { get; }
    public Flag<TimeSpan> PodVolumeOperationTimeout { get; }
    public Flag<IReadOnlyList<string>> Plugins { get; }
    public Flag<bool> CrdsOnly { get; }
    public Flag<string> CaCert { get; }
    public Flag<string> Features { get; }
    public Flag<bool> DefaultVolumesToFsBackup { get; }
    public Flag<string> UploaderType { get; }
    public Flag<bool> DefaultSnapshotMoveData { get; }
    public Flag<bool> CsiSnapshotEarlyFrequentPolling { get; }
    public Flag<bool> DisableInformerCache { get; }
    public Flag<bool> ScheduleSkipImmediately { get; }
    public Flag<bool> NodeAgentDisableHostPath { get; }
    public Flag<int> KeepLatestMaintenanceJobs { get; }
    public Flag<string> MaintenanceJobCpuRequest { get; }
    public Flag<string> MaintenanceJobMemRequest { get; }
    public Flag<string> MaintenanceJobCpuLimit { get; }
    public Flag<string> MaintenanceJobMemLimit { get; }
    public Flag<string> BackupRepositoryConfigMap { get; }
    public Flag<string> RepoMaintenanceJobConfigMap { get; }
    public Flag<string> NodeAgentConfigMap { get; }
    public Flag<int> ItemBlockWorkerCount { get; }
    public Flag<int> ConcurrentBackups { get; }
    public Flag<string> ServerPriorityClassName { get; }
    public Flag<string> NodeAgentPriorityClassName { get; }
    public Flag<bool> SplitServices { get; }
    public Flag<string> BrokerUrl { get; }
    public Flag<string> DatabaseUrl { get; }
    public Flag<string> BrokerImage { get; }
    public Flag<string> DatabaseImage { get; }

    /// <summary>Upstream flags given that this product has no use for; the command names them in a one-line note.</summary>
    public IReadOnlyList<string> Inapplicable => UseNodeAgentWindows.Value ? ["--use-node-agent-windows"] : [];

    /// <summary>The options, before files are read and passwords chosen (<see cref="InstallCommand"/> does that).</summary>
    public InstallOptions ToOptions(string @namespace) => new()
    {
        Namespace = @namespace,
        Image = Image.Value,
        Provider = Provider.Value,
        Bucket = Bucket.Value,
        Prefix = Prefix.Value,
        PodAnnotations = PodAnnotations.Value,
        PodLabels = PodLabels.Value,
        ServiceAccountAnnotations = SaAnnotations.Value,
        ServiceAccountName = ServiceAccountName.Value,
        ServerResources = new PodResources(VeleroCpuRequest.Value, VeleroMemRequest.Value, VeleroCpuLimit.Value, VeleroMemLimit.Value),
        NodeAgentResources = new PodResources(NodeAgentCpuRequest.Value, NodeAgentMemRequest.Value, NodeAgentCpuLimit.Value, NodeAgentMemLimit.Value),
        RestoreOnly = RestoreOnly.Value,
        UseNodeAgent = UseNodeAgent.Value,
        PrivilegedNodeAgent = PrivilegedNodeAgent.Value,
        UseVolumeSnapshots = UseVolumeSnapshots.Value,
        NoDefaultBackupLocation = NoDefaultBackupLocation.Value,
        BackupLocationConfig = BackupLocationConfig.Value,
        SnapshotLocationConfig = SnapshotLocationConfig.Value,
        Plugins = Plugins.Value,
        Features = [.. Features.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        UploaderType = UploaderType.Value,
        DefaultVolumesToFsBackup = DefaultVolumesToFsBackup.Value,
        DefaultSnapshotMoveData = DefaultSnapshotMoveData.Value,
        CsiSnapshotEarlyFrequentPolling = CsiSnapshotEarlyFrequentPolling.Value,
        DisableInformerCache = DisableInformerCache.Value,
        ScheduleSkipImmediately = ScheduleSkipImmediately.Value,
        DefaultRepoMaintenanceFrequency = DefaultRepoMaintainFrequency.Value,
        GarbageCollectionFrequency = GarbageCollectionFrequency.Value,
        PodVolumeOperationTimeout = PodVolumeOperationTimeout.Value,
        KeepLatestMaintenanceJobs = KeepLatestMaintenanceJobs.Value,
        MaintenanceJobCpuRequest = MaintenanceJobCpuRequest.Value,
        MaintenanceJobMemRequest = MaintenanceJobMemRequest.Value,
        MaintenanceJobCpuLimit = MaintenanceJobCpuLimit.Value,
        MaintenanceJobMemLimit = MaintenanceJobMemLimit.Value,
        BackupRepositoryConfigMap = BackupRepositoryConfigMap.Value,
        RepoMaintenanceJobConfigMap = RepoMaintenanceJobConfigMap.Value,
        NodeAgentConfigMap = NodeAgentConfigMap.Value,
        ItemBlockWorkerCount = ItemBlockWorkerCount.Value,
        ConcurrentBackups = ConcurrentBackups.Value,
        KubeletRootDir = KubeletRootDir.Value,
        NodeAgentDisableHostPath = NodeAgentDisableHostPath.Value,
        ServerPriorityClassName = ServerPriorityClassName.Value,
        NodeAgentPriorityClassName = NodeAgentPriorityClassName.Value,
        SplitServices = SplitServices.Value,
        BrokerUrl = BrokerUrl.Value.Length == 0 ? null : ConnectionUrls.Broker(BrokerUrl.Value),
        DatabaseConnectionString = DatabaseUrl.Value.Length == 0 ? null : ConnectionUrls.Database(DatabaseUrl.Value),
        BrokerImage = BrokerImage.Value,
        DatabaseImage = DatabaseImage.Value,
    };
}
