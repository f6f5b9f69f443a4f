using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

/// <summary>Init-container and exec hooks for the restored pods this spec selects (spec 5.5).</summary>
public sealed class RestoreResourceHookSpec
{
    [CrdRequired]
    public string? Name { get; set; }

    [CrdNullable]
    public IList<string>? IncludedNamespaces { get; set; }

    [CrdNullable]
    public IList<string>? ExcludedNamespaces { get; set; }

    [CrdNullable]
    public IList<string>? IncludedResources { get; set; }

    [CrdNullable]
    public IList<string>? ExcludedResources { get; set; }

    [CrdNullable]
    public V1LabelSelector? LabelSelector { get; set; }

    public IList<RestoreResourceHook>? PostHooks { get; set; }
}
