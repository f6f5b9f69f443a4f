using System.Text.Json.Nodes;
using Velero.Api;
using Velero.Api.V1;
using Velero.Selection.Globs;
using Velero.Selection.Labels;
using Velero.Selection.Resources;

namespace Velero.Restorer.Engine;

/// <summary>
/// What a Restore's spec selects from the backup (upstream's <c>getOrderedResourceCollection</c> and
/// <c>getSelectedRestoreableItems</c>): types by the resource includes/excludes, namespaces by their original name,
/// cluster-scoped items by <c>includeClusterResources</c> (nil means: only when every namespace is included), items by
/// the label selector or any of the or-selectors, and which types get their status back.
/// </summary>
internal sealed class RestoreScope
{
    /// <summary>Types restored whatever the filters say (upstream's <c>resourceMustHave</c>).</summary>
    public static IReadOnlySet<string> MustHave { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "datauploads.velero.io", "volumesnapshotcontents.snapshot.storage.k8s.io",
    };

    private readonly IncludesExcludes _resources;
    private readonly IncludesExcludes _namespaces;
    private readonly IncludesExcludes? _status;
    private readonly RestoreSpec _spec;

    public RestoreScope(RestoreSpec spec, DiscoveryModel discovery)
    {
        _spec = spec;
        _resources = new IncludesExcludes(Canonical(spec.IncludedResources, discovery), Canonical(spec.ExcludedResources, discovery));
        _namespaces = new IncludesExcludes(spec.IncludedNamespaces, spec.ExcludedNamespaces);
        _status = spec.RestoreStatus is { } status
            ? new IncludesExcludes(Canonical(status.IncludedResources, discovery), Canonical(status.ExcludedResources, discovery))
            : null;
    }

    public bool IncludesType(string groupResource) => _resources.ShouldInclude(groupResource) || MustHave.Contains(groupResource);

    /// <summary>Whether items of the backup's namespace <paramref name="namespace"/> (null: cluster-scoped) are listed for restore.</summary>
    public bool IncludesScope(string groupResource, string? @namespace)
    {
        if (@namespace is not null)
        {
            return _namespaces.ShouldInclude(@namespace) || MustHave.Contains(groupResource);
        }

        return _spec.IncludeClusterResources switch
        {
            false => false,
            true => true,
            null => _namespaces.IncludeEverything(),
        };
    }

    /// <summary>Whether an item reached another way (an additional item of an action) may be restored.</summary>
    public bool AllowsAdditional(string groupResource, string? @namespace) =>
        IncludesType(groupResource)
        && (@namespace is null ? _spec.IncludeClusterResources != false : _namespaces.ShouldInclude(@namespace) || MustHave.Contains(groupResource));

    public bool IncludesNamespace(string @namespace) => _namespaces.ShouldInclude(@namespace);

    public bool MatchesLabels(string groupResource, JsonObject item)
    {
        if (MustHave.Contains(groupResource))
        {
            return true;
        }

        IReadOnlyDictionary<string, string>? labels = null;
        if (item["metadata"]?["labels"] is JsonObject map)
        {
            labels = map.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal);
        }

        if (_spec.LabelSelector is { } selector && !LabelSelectors.Matches(selector, labels))
        {
            return false;
        }

        return _spec.OrLabelSelectors is not { Count: > 0 } any || any.Any(s => LabelSelectors.Matches(s, labels));
    }

    /// <summary>
    /// Upstream's <c>determineRestoreStatus</c>: the spec's <c>restoreStatus</c> includes/excludes (none: no status), unless
    /// the item's annotation <c>velero.io/restore-status</c> says <c>true</c> or <c>false</c>.
    /// </summary>
    public bool RestoresStatus(string groupResource, JsonObject item)
    {
        var byAnnotation = ((string?)item["metadata"]?["annotations"]?[WellKnown.RestoreStatusAnnotation])?.Trim().ToLowerInvariant();
        return byAnnotation switch
        {
            "true" => true,
            "false" => false,
            _ => _status?.ShouldInclude(groupResource) == true,
        };
    }

    public string TargetNamespace(string @namespace) =>
        _spec.NamespaceMapping?.TryGetValue(@namespace, out var target) == true && !string.IsNullOrEmpty(target) ? target : @namespace;

    private static List<string>? Canonical(IEnumerable<string>? names, DiscoveryModel discovery) =>
        names?.Select(n => n == "*" ? n : discovery.Canonical(n)).ToList();
}
