namespace Velero.Selection.Items;

/// <summary>
/// The facts about one item the per-item rules need. <paramref name="GroupResource"/> is <c>resource.group</c>;
/// <paramref name="Namespace"/> is null or empty for cluster-scoped items. <paramref name="MustInclude"/> marks an
/// additional item returned by an action with must-include semantics (it bypasses the filters).
/// </summary>
public sealed record ItemCandidate(
    string GroupResource,
    string? Namespace,
    string Name,
    IReadOnlyDictionary<string, string>? Labels = null,
    bool BeingDeleted = false,
    bool MustInclude = false);
