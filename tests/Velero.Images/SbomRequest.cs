namespace Velero.Images;

/// <summary>What <see cref="SbomBuilder"/> describes: a root filesystem and what is known about its files.</summary>
public sealed class SbomRequest
{
    public required string RootFs { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>Image path of a .NET program = the single-file binary itself (its embedded deps.json), a deps.json, or a project.assets.json.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Applications { get; init; } = [];

    /// <summary>Image path = Debian package, for files dpkg does not list (the generated CA bundle).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Owners { get; init; } = [];
}
