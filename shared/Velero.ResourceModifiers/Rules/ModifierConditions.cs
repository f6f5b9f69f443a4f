using k8s.Models;

namespace Velero.ResourceModifiers.Rules;

/// <summary>A rule's <c>conditions</c>: all that are set must hold for the rule to apply.</summary>
public sealed record ModifierConditions
{
    /// <summary>A glob over <c>resource.group</c> (<c>deployments.apps</c>, <c>pods</c>); required.</summary>
    public required string GroupResource { get; init; }

    public string? ResourceNameRegex { get; init; }

    /// <summary>Namespaces (globs) of namespaced items; empty means all. Cluster-scoped items pass.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public V1LabelSelector? LabelSelector { get; init; }

    public IReadOnlyList<MatchRule> Matches { get; init; } = [];
}
