namespace Velero.Selection.Resources;

/// <summary>
/// The discovery facts Velero's discovery helper keeps (<c>pkg/discovery/helper.go</c>): preferred versions only,
/// types that support list, create, get and delete, no subresources, groups in discovery order with <c>extensions</c>
/// moved last; and its <c>ResourceFor</c> name resolution (plural, singular or kind, short name, <c>resource.group</c>).
/// </summary>
public sealed class DiscoveryModel
{
    private static readonly string[] RequiredVerbs = ["list", "create", "get", "delete"];

    public DiscoveryModel(IEnumerable<DiscoveredResource> discovered)
    {
        var kept = discovered
            .Where(r => r.PreferredVersion && !r.Resource.Contains('/', StringComparison.Ordinal))
            .Where(r => r.Verbs is null || RequiredVerbs.All(v => r.Verbs.Contains(v, StringComparer.Ordinal)))
            .ToList();
        var groupOrder = kept.Select(r => r.Group).Distinct(StringComparer.Ordinal).ToList();

        // Upstream's sortResources moves the legacy extensions group to the end and keeps everything else in order.
        Resources =
        [
            .. kept.Where(r => r.Group != "extensions")
                .OrderBy(r => groupOrder.IndexOf(r.Group)),
            .. kept.Where(r => r.Group == "extensions"),
        ];
    }

    /// <summary>The resource types Velero considers, in collection group order.</summary>
    public IReadOnlyList<DiscoveredResource> Resources { get; }

    /// <summary>
    /// Resolves a user-given name as <c>ResourceFor(ParseGroupResource(name))</c> does: the part before the first dot is
    /// the resource (case-insensitive plural, singular, kind or short name), the rest the exact group; the first match in
    /// discovery order wins (so <c>events</c> is the core one). Null when nothing matches.
    /// </summary>
    public DiscoveredResource? ResourceFor(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var resource = (dot < 0 ? name : name[..dot]).ToLowerInvariant();
        string? group = dot < 0 ? null : name[(dot + 1)..];
        var candidates = Resources.Where(r => group is null || r.Group == group).ToList();
        return candidates.FirstOrDefault(r => r.Resource == resource || r.SingularName == resource)
            ?? candidates.FirstOrDefault(r => r.ShortNames?.Contains(resource, StringComparer.Ordinal) == true);
    }

    /// <summary>
    /// The canonical <c>resource.group</c> for a name, or the name unchanged when it does not resolve (upstream keeps
    /// unknown names so that an include list of only unknown names does not turn into "everything", velero#2461).
    /// </summary>
    public string Canonical(string name) => ResourceFor(name)?.GroupResource ?? name;
}
