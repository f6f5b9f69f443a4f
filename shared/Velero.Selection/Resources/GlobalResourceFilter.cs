using Velero.Selection.Globs;
using Velero.Selection.Namespaces;

namespace Velero.Selection.Resources;

/// <summary>
/// The old filters (<c>includedResources</c>, <c>excludedResources</c>, <c>includeClusterResources</c>), as upstream's
/// <c>GlobalIncludesExcludes</c> in <c>pkg/util/collections/includes_excludes.go</c>.
/// </summary>
public sealed class GlobalResourceFilter(
    DiscoveryModel discovery,
    IEnumerable<string>? includes,
    IEnumerable<string>? excludes,
    bool? includeClusterResources,
    NamespaceFilter namespaceFilter) : IResourceTypeFilter
{
    /// <summary>Names resolved to <c>resource.group</c>; <c>*</c> kept in includes and dropped from excludes.</summary>
    public IncludesExcludes ResourceFilter { get; } = new(
        (includes ?? []).Select(i => i == "*" ? i : discovery.Canonical(i)),
        (excludes ?? []).Where(e => e != "*").Select(discovery.Canonical));

    public bool ShouldInclude(string groupResource)
    {
        var resource = discovery.ResourceFor(groupResource);
        if (resource is null)
        {
            return false;
        }

        if (!resource.Namespaced && includeClusterResources == false)
        {
            return false;
        }

        // Auto (null): cluster-scoped types are listed only by a backup of all namespaces; otherwise they come in as
        // additional items (PVC -> PV, ...). Namespaces themselves are always listed and filtered later.
        if (groupResource != KnownResources.Namespaces && !resource.Namespaced
            && includeClusterResources is null && !namespaceFilter.IncludeEverything())
        {
            return false;
        }

        return ResourceFilter.ShouldInclude(groupResource);
    }

    public bool ShouldExclude(string groupResource)
    {
        if (ResourceFilter.Excludes.Match(groupResource))
        {
            return true;
        }

        var resource = discovery.ResourceFor(groupResource);
        if (resource is null)
        {
            return true;
        }

        return !resource.Namespaced
            && (includeClusterResources == false
                || (includeClusterResources is null && !ResourceFilter.ShouldInclude(groupResource)));
    }
}
