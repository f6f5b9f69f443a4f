using k8s.Models;
using Velero.Api.V1;
using Velero.Selection.Globs;
using Velero.Selection.Labels;
using Velero.Selection.Resources;

namespace Velero.Selection.Hooks;

/// <summary>
/// Which items a spec hook (<c>hooks.resources[]</c>) applies to, as <c>ResourceHookSelector.applicableTo</c> in
/// <c>internal/hook/item_hook_handler.go</c>: namespaces by include/exclude globs (never expanded against the
/// cluster), resource types resolved through discovery, and the optional label selector.
/// </summary>
public sealed class HookSelector
{
    private readonly IncludesExcludes _namespaces;
    private readonly IncludesExcludes _resources;
    private readonly V1LabelSelector? _labelSelector;

    public HookSelector(BackupResourceHookSpec hook, DiscoveryModel discovery)
    {
        Name = hook.Name ?? string.Empty;
        _namespaces = new IncludesExcludes(hook.IncludedNamespaces, hook.ExcludedNamespaces);
        _resources = new IncludesExcludes(
            (hook.IncludedResources ?? []).Select(i => i == "*" ? i : discovery.Canonical(i)),
            (hook.ExcludedResources ?? []).Where(e => e != "*").Select(discovery.Canonical));
        _labelSelector = hook.LabelSelector;
    }

    public string Name { get; }

    /// <summary>Whether the hook applies to an item of <paramref name="groupResource"/> (<c>pods</c> for exec hooks).</summary>
    public bool AppliesTo(string groupResource, string ns, IReadOnlyDictionary<string, string>? labels) =>
        _namespaces.ShouldInclude(ns)
        && _resources.ShouldInclude(groupResource)
        && (_labelSelector is null || LabelSelectors.Matches(_labelSelector, labels));
}
