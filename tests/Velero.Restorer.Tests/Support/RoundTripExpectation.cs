using System.Text.Json.Nodes;

namespace Velero.Restorer.Tests.Support;

/// <summary>
/// What a restore is expected to bring back, for <see cref="ClusterComparison"/>: which of the original cluster's
/// objects (the restore's filters), where they land (<see cref="NamespaceMapping"/>), which types get their status back,
/// and paths a restore is known to change that a test does not hold it to.
/// </summary>
public sealed record RoundTripExpectation
{
    public static RoundTripExpectation Full { get; } = new();

    public IReadOnlyDictionary<string, string> NamespaceMapping { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the restore's spec selects the original object (beyond the rules every restore applies).</summary>
    public Func<ObjectKey, JsonObject, bool> Selected { get; init; } = (_, _) => true;

    /// <summary>Group-resources whose status the restore sets (<c>spec.restoreStatus</c>); none by default, as upstream.</summary>
    public IReadOnlySet<string> StatusRestored { get; init; } = new HashSet<string>();

    /// <summary>Paths (<c>group-resource:$.json.path</c>) left out of the comparison.</summary>
    public IReadOnlySet<string> IgnoredPaths { get; init; } = new HashSet<string>();

    public string TargetNamespace(string @namespace) => NamespaceMapping.TryGetValue(@namespace, out var target) ? target : @namespace;
}
