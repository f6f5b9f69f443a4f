namespace Velero.Selection.Resources;

/// <summary>
/// One served resource type, as the API server's discovery reports it (one entry per group version). The snapshotter
/// fills these from <c>/api</c> and <c>/apis</c>; <see cref="PreferredVersion"/> marks the group's preferred version.
/// </summary>
public sealed record DiscoveredResource(
    string Group,
    string Version,
    string Resource,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string>? ShortNames = null,
    string? Singular = null,
    IReadOnlyList<string>? Verbs = null,
    bool PreferredVersion = true)
{
    /// <summary>Upstream's <c>GroupResource.String()</c>: <c>pods</c>, <c>deployments.apps</c>.</summary>
    public string GroupResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";

    /// <summary><c>v1</c> or <c>apps/v1</c>.</summary>
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The singular name discovery gives, else the lower-cased kind (what the REST mapper uses).</summary>
    public string SingularName => string.IsNullOrEmpty(Singular) ? Kind.ToLowerInvariant() : Singular;
}
