using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Backup;

/// <summary>The filter and behaviour flags of <c>backup create</c>, as upstream's CreateOptions.BindFlags declares them.</summary>
internal sealed class BackupOptions
{
    public required Flag<TimeSpan> Ttl { get; init; }
    public required Flag<IReadOnlyList<string>> IncludeNamespaces { get; init; }
    public required Flag<IReadOnlyList<string>> ExcludeNamespaces { get; init; }
    public required Flag<IReadOnlyList<string>> IncludeResources { get; init; }
    public required Flag<IReadOnlyList<string>> ExcludeResources { get; init; }
    public required Flag<IReadOnlyList<string>> IncludeClusterScoped { get; init; }
    public required Flag<IReadOnlyList<string>> ExcludeClusterScoped { get; init; }
    public required Flag<IReadOnlyList<string>> IncludeNamespaceScoped { get; init; }
    public required Flag<IReadOnlyList<string>> ExcludeNamespaceScoped { get; init; }
    public required Flag<IReadOnlyDictionary<string, string>> Labels { get; init; }
    public required Flag<IReadOnlyDictionary<string, string>> Annotations { get; init; }
    public required Flag<string> StorageLocation { get; init; }
    public required Flag<IReadOnlyList<string>> SnapshotLocations { get; init; }
    public required Flag<string> Selector { get; init; }
    public required Flag<string> OrSelector { get; init; }
    public required Flag<string> OrderedResources { get; init; }
    public required Flag<TimeSpan> CsiSnapshotTimeout { get; init; }
    public required Flag<TimeSpan> ItemOperationTimeout { get; init; }
    public required Flag<bool?> SnapshotVolumes { get; init; }
    public required Flag<bool?> SnapshotMoveData { get; init; }
    public required Flag<bool?> IncludeClusterResources { get; init; }
    public required Flag<bool?> DefaultVolumesToFsBackup { get; init; }
    public required Flag<string> ResourcePoliciesConfigMap { get; init; }
    public required Flag<string> DataMover { get; init; }
    public required Flag<int> ParallelFilesUpload { get; init; }

    public static BackupOptions Bind(Command command)
    {
        var f = command.Flags;
        const string OldFilters = " Cannot work with include-cluster-scoped-resources, exclude-cluster-scoped-resources, include-namespace-scoped-resources and exclude-namespace-scoped-resources.";
        const string NewFilters = " Cannot work with include-resources, exclude-resources and include-cluster-resources.";
        return new BackupOptions
        {
            Ttl = f.Duration("ttl", null, TimeSpan.Zero, "How long before the backup can be garbage collected."),
            IncludeNamespaces = f.StringSlice("include-namespaces", null, "Namespaces to include in the backup (use '*' for all namespaces).", ["*"]),
            ExcludeNamespaces = f.StringSlice("exclude-namespaces", null, "Namespaces to exclude from the backup."),
            IncludeResources = f.StringSlice("include-resources", null, "Resources to include in the backup, formatted as resource.group, such as storageclasses.storage.k8s.io (use '*' for all resources)." + OldFilters),
            ExcludeResources = f.StringSlice("exclude-resources", null, "Resources to exclude from the backup, formatted as resource.group, such as storageclasses.storage.k8s.io." + OldFilters),
            IncludeClusterScoped = f.StringSlice("include-cluster-scoped-resources", null, "Cluster-scoped resources to include in the backup, formatted as resource.group, such as storageclasses.storage.k8s.io(use '*' for all resources)." + NewFilters),
            ExcludeClusterScoped = f.StringSlice("exclude-cluster-scoped-resources", null, "Cluster-scoped resources to exclude from the backup, formatted as resource.group, such as storageclasses.storage.k8s.io(use '*' for all resources)." + NewFilters),
            IncludeNamespaceScoped = f.StringSlice("include-namespace-scoped-resources", null, "Namespaced resources to include in the backup, formatted as resource.group, such as deployments.apps(use '*' for all resources)." + NewFilters),
            ExcludeNamespaceScoped = f.StringSlice("exclude-namespace-scoped-resources", null, "Namespaced resources to exclude from the backup, formatted as resource.group, such as deployments.apps(use '*' for all resources)." + NewFilters),
            Labels = f.Map("labels", null, "Labels to apply to the backup."),
            Annotations = f.Map("annotations", null, "Annotations to apply to the backup."),
            StorageLocation = f.String("storage-location", null, "", "Location in which to store the backup."),
            SnapshotLocations = f.StringSlice("volume-snapshot-locations", null, "List of locations (at most one per provider) where volume snapshots should be stored."),
            Selector = f.String("selector", "l", "", "Only back up resources matching this label selector."),
            OrSelector = f.String("or-selector", null, "", "Backup resources matching at least one of the label selector from the list. Label selectors should be separated by ' or '. For example, foo=bar or app=nginx"),
            OrderedResources = f.String("ordered-resources", null, "", "Mapping Kinds to an ordered list of specific resources of that Kind.  Resource names are separated by commas and their names are in format 'namespace/resourcename'. For cluster scope resource, simply use resource name. Key-value pairs in the mapping are separated by semi-colon.  Example: 'pods=ns1/pod1,ns1/pod2;persistentvolumeclaims=ns1/pvc4,ns1/pvc8'.  Optional."),
            CsiSnapshotTimeout = f.Duration("csi-snapshot-timeout", null, TimeSpan.Zero, "How long to wait for CSI snapshot creation before timeout."),
            ItemOperationTimeout = f.Duration("item-operation-timeout", null, TimeSpan.Zero, "How long to wait for async plugin operations before timeout."),
            SnapshotVolumes = f.OptionalBool("snapshot-volumes", null, "Take snapshots of PersistentVolumes as part of the backup. If the parameter is not set, it is treated as setting to 'true'."),
            SnapshotMoveData = f.OptionalBool("snapshot-move-data", null, "Specify whether snapshot data should be moved"),
            IncludeClusterResources = f.OptionalBool("include-cluster-resources", null, "Include cluster-scoped resources in the backup." + OldFilters),
            DefaultVolumesToFsBackup = f.OptionalBool("default-volumes-to-fs-backup", null, "Use pod volume file system backup by default for volumes"),
            ResourcePoliciesConfigMap = f.String("resource-policies-configmap", null, "", "Reference to the resource policies configmap that backup should use"),
            DataMover = f.String("data-mover", null, "", "Specify the data mover to be used by the backup. If the parameter is not set or set as 'velero', the built-in data mover will be used"),
            ParallelFilesUpload = f.Int("parallel-files-upload", null, 0, "Number of files uploads simultaneously when running a backup. This is only applicable for the kopia uploader"),
        };
    }

    /// <summary>Upstream's oldAndNewFilterParametersUsedTogether.</summary>
    public bool MixesOldAndNewFilters =>
        (IncludeResources.Value.Count > 0 || ExcludeResources.Value.Count > 0 || IncludeClusterResources.Value is not null)
        && (IncludeClusterScoped.Value.Count > 0 || ExcludeClusterScoped.Value.Count > 0
            || IncludeNamespaceScoped.Value.Count > 0 || ExcludeNamespaceScoped.Value.Count > 0);
}
