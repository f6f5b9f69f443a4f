using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Shared;
using Velero.Cli.Resources;
using Velero.Selection.Namespaces;

namespace Velero.Cli.Commands.Backup;

/// <summary>
/// The backup-template flags <c>velero backup create</c> and <c>velero schedule create</c> share (upstream's
/// <c>backup.CreateOptions.BindFlags</c>), their validation, and the BackupSpec they describe.
/// </summary>
internal sealed class BackupSpecFlags
{
    private const string OldNewFilterConflict =
        "include-resources, exclude-resources and include-cluster-resources are old filter parameters.\n" +
        "include-cluster-scoped-resources, exclude-cluster-scoped-resources, include-namespace-scoped-resources and exclude-namespace-scoped-resources are new filter parameters.\n" +
        "They cannot be used together";

    private BackupSpecFlags(FlagSet flags)
    {
        Ttl = flags.Duration("ttl", null, TimeSpan.Zero, "How long before the backup can be garbage collected.");
        IncludeNamespaces = flags.StringSlice("include-namespaces", null, "Namespaces to include in the backup (use '*' for all namespaces).", ["*"]);
        ExcludeNamespaces = flags.StringSlice("exclude-namespaces", null, "Namespaces to exclude from the backup.");
        IncludeResources = flags.StringSlice("include-resources", null, "Resources to include in the backup, formatted as resource.group, such as storageclasses.storage.k8s.io (use '*' for all resources). Cannot work with include-cluster-scoped-resources, exclude-cluster-scoped-resources, include-namespace-scoped-resources and exclude-namespace-scoped-resources.");
        ExcludeResources = flags.StringSlice("exclude-resources", null, "Resources to exclude from the backup, formatted as resource.group, such as storageclasses.storage.k8s.io. Cannot work with include-cluster-scoped-resources, exclude-cluster-scoped-resources, include-namespace-scoped-resources and exclude-namespace-scoped-resources.");
        IncludeClusterScopedResources = flags.StringSlice("include-cluster-scoped-resources", null, "Cluster-scoped resources to include in the backup, formatted as resource.group, such as storageclasses.storage.k8s.io(use '*' for all resources). Cannot work with include-resources, exclude-resources and include-cluster-resources.");
        ExcludeClusterScopedResources = flags.StringSlice("exclude-cluster-scoped-resources", null, "Cluster-scoped resources to exclude from the backup, formatted as resource.group, such as storageclasses.storage.k8s.io(use '*' for all resources). Cannot work with include-resources, exclude-resources and include-cluster-resources.");
        IncludeNamespaceScopedResources = flags.StringSlice("include-namespace-scoped-resources", null, "Namespaced resources to include in the backup, formatted as resource.group, such as deployments.apps(use '*' for all resources). Cannot work with include-resources, exclude-resources and include-cluster-resources.");
        ExcludeNamespaceScopedResources = flags.StringSlice("exclude-namespace-scoped-resources", null, "Namespaced resources to exclude from the backup, formatted as resource.group, such as deployments.apps(use '*' for all resources). Cannot work with include-resources, exclude-resources and include-cluster-resources.");
        Labels = flags.Map("labels", null, "Labels to apply to the backup.");
        Annotations = flags.Map("annotations", null, "Annotations to apply to the backup.");
        StorageLocation = flags.String("storage-location", null, "", "Location in which to store the backup.");
        SnapshotLocations = flags.StringSlice("volume-snapshot-locations", null, "List of locations (at most one per provider) where volume snapshots should be stored.");
        Selector = flags.String("selector", "l", "", "Only back up resources matching this label selector.");
        OrSelector = flags.String("or-selector", null, "", "Backup resources matching at least one of the label selector from the list. Label selectors should be separated by ' or '. For example, foo=bar or app=nginx");
        OrderedResources = flags.String("ordered-resources", null, "", "Mapping Kinds to an ordered list of specific resources of that Kind.  Resource names are separated by commas and their names are in format 'namespace/resourcename'. For cluster scope resource, simply use resource name. Key-value pairs in the mapping are separated by semi-colon.  Example: 'pods=ns1/pod1,ns1/pod2;persistentvolumeclaims=ns1/pvc4,ns1/pvc8'.  Optional.");
        CsiSnapshotTimeout = flags.Duration("csi-snapshot-timeout", null, TimeSpan.Zero, "How long to wait for CSI snapshot creation before timeout.");
        ItemOperationTimeout = flags.Duration("item-operation-timeout", null, TimeSpan.Zero, "How long to wait for async plugin operations before timeout.");
        SnapshotVolumes = flags.OptionalBool("snapshot-volumes", null, "Take snapshots of PersistentVolumes as part of the backup. If the parameter is not set, it is treated as setting to 'true'.");
        SnapshotMoveData = flags.OptionalBool("snapshot-move-data", null, "Specify whether snapshot data should be moved");
        IncludeClusterResources = flags.OptionalBool("include-cluster-resources", null, "Include cluster-scoped resources in the backup. Cannot work with include-cluster-scoped-resources, exclude-cluster-scoped-resources, include-namespace-scoped-resources and exclude-namespace-scoped-resources.");
        DefaultVolumesToFsBackup = flags.OptionalBool("default-volumes-to-fs-backup", null, "Use pod volume file system backup by default for volumes");
        ResourcePoliciesConfigmap = flags.String("resource-policies-configmap", null, "", "Reference to the resource policies configmap that backup should use");
        DataMover = flags.String("data-mover", null, "", "Specify the data mover to be used by the backup. If the parameter is not set or set as 'velero', the built-in data mover will be used");
        ParallelFilesUpload = flags.Int("parallel-files-upload", null, 0, "Number of files uploads simultaneously when running a backup. This is only applicable for the kopia uploader");
    }

    public Flag<TimeSpan> Ttl { get; }
    public Flag<IReadOnlyList<string>> IncludeNamespaces { get; }
    public Flag<IReadOnlyList<string>> ExcludeNamespaces { get; }
    public Flag<IReadOnlyList<string>> IncludeResources { get; }
    public Flag<IReadOnlyList<string>> ExcludeResources { get; }
    public Flag<IReadOnlyList<string>> IncludeClusterScopedResources { get; }
    public Flag<IReadOnlyList<string>> ExcludeClusterScopedResources { get; }
    public Flag<IReadOnlyList<string>> IncludeNamespaceScopedResources { get; }
    public Flag<IReadOnlyList<string>> ExcludeNamespaceScopedResources { get; }
    public Flag<IReadOnlyDictionary<string, string>> Labels { get; }
    public Flag<IReadOnlyDictionary<string, string>> Annotations { get; }
    public Flag<string> StorageLocation { get; }
    public Flag<IReadOnlyList<string>> SnapshotLocations { get; }
    public Flag<string> Selector { get; }
    public Flag<string> OrSelector { get; }
    public Flag<string> OrderedResources { get; }
    public Flag<TimeSpan> CsiSnapshotTimeout { get; }
    public Flag<TimeSpan> ItemOperationTimeout { get; }
    public Flag<bool?> SnapshotVolumes { get; }
    public Flag<bool?> SnapshotMoveData { get; }
    public Flag<bool?> IncludeClusterResources { get; }
    public Flag<bool?> DefaultVolumesToFsBackup { get; }
    public Flag<string> ResourcePoliciesConfigmap { get; }
    public Flag<string> DataMover { get; }
    public Flag<int> ParallelFilesUpload { get; }

    public static BackupSpecFlags Bind(Command command) => new(command.Flags);

    /// <summary>
    /// The two selectors, parsed as pflag parses upstream's selector flags, and upstream's first check: not both.
    /// </summary>
    public (V1LabelSelector? Selector, IList<V1LabelSelector>? OrSelectors) ParseSelectors()
    {
        var selector = SelectorFlag.Parse(Selector);
        var orSelectors = SelectorFlag.ParseOr(OrSelector);
        if (selector is not null && orSelectors is not null)
        {
            throw new CliException("either a 'selector' or an 'or-selector' can be specified, but not both");
        }

        return (selector, orSelectors);
    }

    /// <summary>
    /// The rest of upstream's BackupOptions.Validate, in its order and with its texts: namespace lists, old and new
    /// filters together, and the named locations must exist.
    /// </summary>
    public async Task ValidateAsync(CommandContext ctx)
    {
        if (NamespacePatternValidator.Validate(IncludeNamespaces.Value, ExcludeNamespaces.Value) is { Count: > 0 } problems)
        {
            throw new CliException(problems.Count == 1 ? problems[0] : $"[{string.Join(", ", problems)}]");
        }

        var oldFilters = IncludeResources.Value.Count > 0 || ExcludeResources.Value.Count > 0 || IncludeClusterResources.Value is not null;
        var newFilters = IncludeClusterScopedResources.Value.Count > 0 || ExcludeClusterScopedResources.Value.Count > 0
            || IncludeNamespaceScopedResources.Value.Count > 0 || ExcludeNamespaceScopedResources.Value.Count > 0;
        if (oldFilters && newFilters)
        {
            throw new CliException(OldNewFilterConflict);
        }

        if (StorageLocation.Value.Length > 0)
        {
            await new ResourceSet<BackupStorageLocation>(ctx).GetAsync(StorageLocation.Value);
        }

        foreach (var location in SnapshotLocations.Value)
        {
            await new ResourceSet<VolumeSnapshotLocation>(ctx).GetAsync(location);
        }
    }

    /// <summary>
    /// The spec as upstream's builder sets it: zero durations included (<c>0s</c>, a Go metav1.Duration is never
    /// omitted), tri-states only when given, empty hooks and metadata (Go structs are never omitted either).
    /// </summary>
    public BackupSpec BuildSpec()
    {
        var (selector, orSelectors) = ParseSelectors();
        return new BackupSpec
        {
            IncludedNamespaces = NullIfEmpty(IncludeNamespaces.Value),
            ExcludedNamespaces = NullIfEmpty(ExcludeNamespaces.Value),
            IncludedResources = NullIfEmpty(IncludeResources.Value),
            ExcludedResources = NullIfEmpty(ExcludeResources.Value),
            IncludedClusterScopedResources = NullIfEmpty(IncludeClusterScopedResources.Value),
            ExcludedClusterScopedResources = NullIfEmpty(ExcludeClusterScopedResources.Value),
            IncludedNamespaceScopedResources = NullIfEmpty(IncludeNamespaceScopedResources.Value),
            ExcludedNamespaceScopedResources = NullIfEmpty(ExcludeNamespaceScopedResources.Value),
            LabelSelector = selector,
            OrLabelSelectors = orSelectors,
            SnapshotVolumes = SnapshotVolumes.Value,
            SnapshotMoveData = SnapshotMoveData.Value,
            IncludeClusterResources = IncludeClusterResources.Value,
            DefaultVolumesToFsBackup = DefaultVolumesToFsBackup.Value,
            Ttl = GoDuration.Format(Ttl.Value),
            StorageLocation = StorageLocation.Value.Length > 0 ? StorageLocation.Value : null,
            VolumeSnapshotLocations = NullIfEmpty(SnapshotLocations.Value),
            OrderedResources = OrderedResources.Value.Length > 0 ? ParseOrderedResources(OrderedResources.Value) : null,
            CsiSnapshotTimeout = GoDuration.Format(CsiSnapshotTimeout.Value),
            ItemOperationTimeout = GoDuration.Format(ItemOperationTimeout.Value),
            DataMover = DataMover.Value.Length > 0 ? DataMover.Value : null,
            ResourcePolicy = ResourcePoliciesConfigmap.Value.Length > 0
                ? new V1TypedLocalObjectReference { Kind = "configmap", Name = ResourcePoliciesConfigmap.Value }
                : null,
            UploaderConfig = ParallelFilesUpload.Value > 0 ? new UploaderConfigForBackup { ParallelFilesUpload = ParallelFilesUpload.Value } : null,
            Hooks = new BackupHooks(),
            Metadata = new BackupMetadata(),
        };
    }

    /// <summary>Upstream's ParseOrderedResources: <c>pods=ns1/pod1,ns1/pod2;persistentvolumeclaims=ns1/pvc4</c>.</summary>
    private static Dictionary<string, string> ParseOrderedResources(string text)
    {
        var ordered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in text.Split(';'))
        {
            var kv = entry.Split('=');
            if (kv.Length != 2)
            {
                throw new CliException($"invalid OrderedResources '{entry}'");
            }

            ordered[kv[0].Trim()] = kv[1].Trim();
        }

        return ordered;
    }

    private static List<string>? NullIfEmpty(IReadOnlyList<string> values) => values.Count == 0 ? null : [.. values];
}
