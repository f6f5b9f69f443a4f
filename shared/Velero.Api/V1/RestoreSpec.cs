using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

/// <summary>
/// What a restore takes from which backup (spec 3.2): <see cref="BackupName"/> or <see cref="ScheduleName"/> (the newest
/// completed backup of that schedule), never both.
/// </summary>
public sealed class RestoreSpec
{
    public string? BackupName { get; set; }

    public string? ScheduleName { get; set; }

    [CrdNullable]
    public IList<string>? IncludedNamespaces { get; set; }

    [CrdNullable]
    public IList<string>? ExcludedNamespaces { get; set; }

    [CrdNullable]
    public IList<string>? IncludedResources { get; set; }

    [CrdNullable]
    public IList<string>? ExcludedResources { get; set; }

    /// <summary>Source namespace to target namespace.</summary>
    public IDictionary<string, string>? NamespaceMapping { get; set; }

    [CrdNullable]
    public V1LabelSelector? LabelSelector { get; set; }

    [CrdNullable]
    public IList<V1LabelSelector>? OrLabelSelectors { get; set; }

    /// <summary>Null means true.</summary>
    [CrdNullable]
    public bool? RestorePVs { get; set; }

    [CrdNullable]
    public RestoreStatusSpec? RestoreStatus { get; set; }

    [CrdNullable]
    public bool? PreserveNodePorts { get; set; }

    /// <summary>Null means automatic.</summary>
    [CrdNullable]
    public bool? IncludeClusterResources { get; set; }

    public RestoreHooks? Hooks { get; set; }

    /// <summary>One of <see cref="V1.ExistingResourcePolicy"/>.</summary>
    [CrdNullable]
    public string? ExistingResourcePolicy { get; set; }

    public string? ItemOperationTimeout { get; set; }

    /// <summary>Reference to the ConfigMap holding resource modifier rules.</summary>
    [CrdNullable]
    public V1TypedLocalObjectReference? ResourceModifier { get; set; }

    [CrdNullable]
    public UploaderConfigForRestore? UploaderConfig { get; set; }
}
