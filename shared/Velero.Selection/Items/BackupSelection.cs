using Velero.Api;
using Velero.Api.V1;
using Velero.Selection.Labels;
using Velero.Selection.Namespaces;
using Velero.Selection.Resources;

namespace Velero.Selection.Items;

/// <summary>
/// What one backup selects, built once when it starts from its (validated, defaulted) spec, the discovery model and the
/// namespaces of the cluster. The collector asks it which types to list (<see cref="ShouldCollect"/>), in which
/// namespaces (<see cref="NamespacesToList"/>), with which label selector queries (<see cref="LabelSelectorQueries"/>),
/// and whether each item found is kept (<see cref="ShouldIncludeItem"/>).
/// </summary>
public sealed class BackupSelection
{
    private readonly BackupSpec _spec;

    private BackupSelection(BackupSpec spec, NamespaceFilter namespaces, IResourceTypeFilter resources)
    {
        _spec = spec;
        Namespaces = namespaces;
        Resources = resources;
        LabelSelectorQueries = spec.OrLabelSelectors is { } or
            ? [.. or.Select(LabelSelectors.Format).Distinct(StringComparer.Ordinal)]
            : [spec.LabelSelector is null ? string.Empty : LabelSelectors.Format(spec.LabelSelector)];
    }

    public NamespaceFilter Namespaces { get; }

    public IResourceTypeFilter Resources { get; }

    /// <summary>
    /// One LIST per entry and namespace: one per distinct <c>orLabelSelectors</c> entry (items found by several are
    /// the same item: dedupe by the item key), else the single <c>labelSelector</c> (empty string: no selector).
    /// </summary>
    public IReadOnlyList<string> LabelSelectorQueries { get; }

    /// <summary>
    /// Builds the selection as <c>BackupWithResolvers</c> does (<c>pkg/backup/backup.go</c>): namespace patterns expanded
    /// against <paramref name="clusterNamespaces"/>, old filters when any is set, else the scoped ones combined with
    /// the resource policy's include/exclude policy. Empty <c>includedNamespaces</c> is read as <c>*</c>, as the
    /// controller defaults it.
    /// </summary>
    public static BackupSelection Create(
        BackupSpec spec,
        DiscoveryModel discovery,
        IEnumerable<ClusterNamespace> clusterNamespaces,
        IncludeExcludePolicy? policy = null)
    {
        var includes = spec.IncludedNamespaces is { Count: > 0 } given ? given : ["*"];
        var namespaces = NamespaceFilter.Create(includes, spec.ExcludedNamespaces, clusterNamespaces.Select(n => n.Name));
        IResourceTypeFilter resources = UsesOldResourceFilters(spec)
            ? new GlobalResourceFilter(
                discovery, spec.IncludedResources, spec.ExcludedResources, spec.IncludeClusterResources, namespaces)
            : new ScopedResourceFilter(
                discovery,
                spec.IncludedNamespaceScopedResources,
                spec.ExcludedNamespaceScopedResources,
                spec.IncludedClusterScopedResources,
                spec.ExcludedClusterScopedResources,
                namespaces,
                policy);
        return new BackupSelection(spec, namespaces, resources);
    }

    /// <summary>
    /// Upstream's <c>UseOldResourceFilters</c> (pkg/util/collections/includes_excludes.go): any old filter set, or no
    /// filter of either kind (so a backup without filters gets the auto-excludes as old excludes and stays a
    /// full-cluster backup that lists cluster-scoped types).
    /// </summary>
    public static bool UsesOldResourceFilters(BackupSpec spec) =>
        spec.IncludeClusterResources is not null
        || spec.IncludedResources is { Count: > 0 }
        || spec.ExcludedResources is { Count: > 0 }
        || (spec.IncludedClusterScopedResources is not { Count: > 0 }
            && spec.ExcludedClusterScopedResources is not { Count: > 0 }
            && spec.IncludedNamespaceScopedResources is not { Count: > 0 }
            && spec.ExcludedNamespaceScopedResources is not { Count: > 0 });

    /// <summary>Whether the collector lists this type at all (cohabiting duplicates are the plan's business).</summary>
    public bool ShouldCollect(DiscoveredResource resource) => Resources.ShouldInclude(resource.GroupResource);

    /// <summary>Namespaces to list a namespaced type in; <c>""</c> alone (cluster-wide) for a cluster-scoped one.</summary>
    public IReadOnlyList<string> NamespacesToList(DiscoveredResource resource) =>
        resource.Namespaced ? Namespaces.NamespacesToList() : [string.Empty];

    public bool ShouldIncludeNamespace(string ns) => Namespaces.ShouldInclude(ns);

    /// <summary>The in-memory form of the list-time selectors: no selector, <c>labelSelector</c>, or any <c>orLabelSelectors</c>.</summary>
    public bool MatchesLabelSelectors(IReadOnlyDictionary<string, string>? labels)
    {
        if (_spec.OrLabelSelectors is { } or)
        {
            return or.Count == 0 || or.Any(s => LabelSelectors.Matches(s, labels));
        }

        return _spec.LabelSelector is null || LabelSelectors.Matches(_spec.LabelSelector, labels);
    }

    /// <summary>
    /// Whether a Namespace object is backed up (<c>nsTracker</c> in <c>pkg/backup/item_collector.go</c>): only an active
    /// one that either holds a collected item, matches a label selector, or passes the namespace filter - except that
    /// with all namespaces and a label selector, the filter alone does not bring it in (velero#7105).
    /// </summary>
    public bool ShouldBackUpNamespaceObject(ClusterNamespace ns, bool holdsCollectedItems)
    {
        if (holdsCollectedItems)
        {
            return true;
        }

        if (!ns.IsActive)
        {
            return false;
        }

        var hasSelector = _spec.LabelSelector is not null || _spec.OrLabelSelectors is { Count: > 0 };
        if (hasSelector && MatchesLabelSelectors(ns.Labels))
        {
            return true;
        }

        return !(Namespaces.IncludeEverything() && hasSelector) && Namespaces.ShouldInclude(ns.Name);
    }

    /// <summary>
    /// The per-item checks of <c>itemInclusionChecks</c> (<c>pkg/backup/item_backupper.go</c>), in upstream's order.
    /// Must-include additional items skip the filters but not the deletion check.
    /// </summary>
    public ItemDecision ShouldIncludeItem(ItemCandidate item)
    {
        if (!item.MustInclude)
        {
            if (item.Labels is not null
                && item.Labels.TryGetValue(WellKnown.ExcludeFromBackupLabel, out var excluded) && excluded == "true")
            {
                return ItemDecision.Excluded($"item has label {WellKnown.ExcludeFromBackupLabel}=true");
            }

            var ns = item.Namespace ?? string.Empty;
            if (ns.Length > 0 && !Namespaces.ShouldInclude(ns))
            {
                return ItemDecision.Excluded("namespace is excluded");
            }

            // Cluster-scoped additional items (PVs, ClusterRoles...) are refused only when explicitly excluded; the
            // Namespace objects are always let through here.
            if (ns.Length == 0 && item.GroupResource != KnownResources.Namespaces
                && Resources.ShouldExclude(item.GroupResource))
            {
                return ItemDecision.Excluded("resource is cluster-scoped and is excluded by cluster filter");
            }

            if (ns.Length > 0 && !Resources.ShouldInclude(item.GroupResource))
            {
                return ItemDecision.Excluded("resource is excluded");
            }
        }

        return item.BeingDeleted ? ItemDecision.Excluded("it's being deleted") : ItemDecision.Included;
    }

    /// <summary>
    /// An item a backup item action marked with <c>velero.io/skip-from-backup</c> (any value) is dropped after the
    /// action ran, must-include or not (<c>item_backupper.go</c>).
    /// </summary>
    public static bool IsSkippedByAction(IReadOnlyDictionary<string, string>? annotations) =>
        annotations?.ContainsKey(WellKnown.SkipFromBackupAnnotation) == true;

    /// <summary>
    /// Whether the CRDs of the custom resource types backed up are added at the end (<c>backup.go</c>): only when the
    /// CRD type itself is neither included (then listed anyway) nor excluded.
    /// </summary>
    public bool BacksUpCrdsOfBackedUpTypes =>
        !Resources.ShouldExclude(KnownResources.CustomResourceDefinitions)
        && !Resources.ShouldInclude(KnownResources.CustomResourceDefinitions);

    /// <summary>PVC volumes are then never file-system backed up (spec 4.5).</summary>
    public bool ExcludesPersistentVolumeClaims => !Resources.ShouldInclude(KnownResources.PersistentVolumeClaims);

    /// <summary>Namespaces whose objects carry <c>argocd.argoproj.io/managed-by</c>: upstream only warns about them.</summary>
    public IReadOnlyList<string> ArgoCdManagedNamespaces(IEnumerable<ClusterNamespace> clusterNamespaces) =>
        [.. clusterNamespaces
            .Where(n => n.Labels?.TryGetValue("argocd.argoproj.io/managed-by", out var v) == true && v.Length > 0)
            .Where(n => Namespaces.ShouldInclude(n.Name))
            .Select(n => n.Name)];
}
