using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

/// <summary>Exec hooks run on the pods this spec selects, before and after their items are backed up (spec 4.6).</summary>
public sealed class BackupResourceHookSpec
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

    public IList<BackupResourceHook>? Pre { get; set; }

    public IList<BackupResourceHook>? Post { get; set; }
}
