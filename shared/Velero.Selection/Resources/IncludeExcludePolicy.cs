namespace Velero.Selection.Resources;

/// <summary>The <c>includeExcludePolicy</c> section of a resource policies ConfigMap (spec 4.3).</summary>
public sealed record IncludeExcludePolicy(
    IReadOnlyList<string> IncludedClusterScopedResources,
    IReadOnlyList<string> ExcludedClusterScopedResources,
    IReadOnlyList<string> IncludedNamespaceScopedResources,
    IReadOnlyList<string> ExcludedNamespaceScopedResources);
