namespace Velero.BackupFormat.Tarball;

/// <summary>
/// Where an item lives in the tarball (spec 2): <c>resources/&lt;gr&gt;[/&lt;versionDir&gt;]/namespaces/&lt;ns&gt;/&lt;name&gt;.json</c>
/// or <c>resources/&lt;gr&gt;[/&lt;versionDir&gt;]/cluster/&lt;name&gt;.json</c>. The version directory is absent on
/// the default path, <c>&lt;version&gt;-preferredversion</c> on the copy made for the server's preferred version, or a
/// plain version for items collected in another version.
/// </summary>
public sealed record ItemPath(GroupResource Resource, string? VersionDirectory, string? Namespace, string Name)
{
    public const string PreferredVersionSuffix = "-preferredversion";
    private const string Root = "resources/";

    public bool IsClusterScoped => Namespace is null;

    /// <summary>The version of a preferred-version copy (<c>v1</c> for <c>v1-preferredversion</c>), else null.</summary>
    public string? PreferredVersion =>
        VersionDirectory is { } dir && dir.EndsWith(PreferredVersionSuffix, StringComparison.Ordinal)
            ? dir[..^PreferredVersionSuffix.Length]
            : null;

    public string ToPath()
    {
        var version = VersionDirectory is null ? "" : VersionDirectory + "/";
        var scope = Namespace is null ? "cluster" : $"namespaces/{Namespace}";
        return $"{Root}{Resource}/{version}{scope}/{Name}.json";
    }

    public override string ToString() => ToPath();

    /// <summary>Parses a tarball entry name; null for anything that is not an item (metadata, directories).</summary>
    public static ItemPath? TryParse(string path)
    {
        if (!path.StartsWith(Root, StringComparison.Ordinal) || !path.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = path[Root.Length..^".json".Length].Split('/');
        // resource / [version] / cluster / name   or   resource / [version] / namespaces / ns / name.
        // Namespaced forms first: a namespace may be called "cluster", a version never "namespaces".
        return parts switch
        {
            [var gr, "namespaces", var ns, var name] => Item(gr, null, ns, name),
            [var gr, var version, "namespaces", var ns, var name] => Item(gr, version, ns, name),
            [var gr, "cluster", var name] => Item(gr, null, null, name),
            [var gr, var version, "cluster", var name] => Item(gr, version, null, name),
            _ => null,
        };
    }

    private static ItemPath? Item(string gr, string? version, string? ns, string name) =>
        gr.Length == 0 || name.Length == 0 || ns is { Length: 0 } ? null : new ItemPath(GroupResource.Parse(gr), version, ns, name);
}
