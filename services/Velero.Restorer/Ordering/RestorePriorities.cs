namespace Velero.Restorer.Ordering;

/// <summary>
/// The order resource types are restored in (spec 5.2, upstream's <c>--restore-resource-priorities</c>): the high
/// list, then every other type of the backup alphabetically by its group-resource string, then the low list. Names
/// are compared as written, so upstream's singular <c>volumesnapshotclass.snapshot.storage.k8s.io</c> in the
/// defaults never matches the real plural, which therefore restores in the alphabetical part, as upstream.
/// </summary>
public sealed record RestorePriorities(IReadOnlyList<string> High, IReadOnlyList<string> Low)
{
    /// <summary>Separates the high list from the low one in the flag's value.</summary>
    public const string Separator = "-";

    /// <summary>Velero 1.18's defaults, exactly (typo included).</summary>
    public static RestorePriorities Default { get; } = new(
        [
            "customresourcedefinitions", "namespaces", "storageclasses", "volumesnapshotclass.snapshot.storage.k8s.io",
            "volumesnapshotcontents.snapshot.storage.k8s.io", "volumesnapshots.snapshot.storage.k8s.io", "datauploads.velero.io",
            "persistentvolumes", "persistentvolumeclaims", "clusterroles", "roles", "serviceaccounts", "clusterrolebindings",
            "rolebindings", "secrets", "configmaps", "limitranges", "priorityclasses", "pods", "replicasets.apps",
            "clusterclasses.cluster.x-k8s.io", "endpoints", "services",
        ],
        [
            "clusterbootstraps.run.tanzu.vmware.com", "clusters.cluster.x-k8s.io", "clusterresourcesets.addons.cluster.x-k8s.io",
            "apps.kappctrl.k14s.io", "packageinstalls.packaging.carvel.dev",
        ]);

    /// <summary>
    /// Parses the flag's value as upstream's <c>Priorities.Set</c>: a comma list, with at most one <c>-</c> element
    /// between the high and the low list. An empty value leaves both lists empty.
    /// </summary>
    public static RestorePriorities Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return new RestorePriorities([], []);
        }

        var items = value.Split(',');
        var separators = items.Select((item, index) => (item, index)).Where(p => p.item == Separator).Select(p => p.index).ToList();
        if (separators.Count > 1)
        {
            throw new FormatException($"multiple priority separator \"{Separator}\" found");
        }

        if (separators.Count == 0)
        {
            return new RestorePriorities(items, []);
        }

        var at = separators[0];
        return new RestorePriorities(items[..at], items[(at + 1)..]);
    }

    /// <summary>The types of a backup (group-resource strings, as its tarball's <c>resources/</c> folders) in restore order.</summary>
    public IReadOnlyList<string> Order(IEnumerable<string> backupResources)
    {
        ArgumentNullException.ThrowIfNull(backupResources);
        var prioritized = new HashSet<string>(High.Concat(Low), StringComparer.Ordinal);
        var others = backupResources.Where(r => !prioritized.Contains(r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. High, .. others, .. Low];
    }

    /// <summary>The flag's value form: the high list, then <c>-</c> and the low list when there is one.</summary>
    public override string ToString() =>
        string.Join(",", Low.Count > 0 ? [.. High, Separator, .. Low] : High);
}
