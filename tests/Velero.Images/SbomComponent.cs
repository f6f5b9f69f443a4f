namespace Velero.Images;

/// <summary>
/// One CycloneDX component: a Debian package (library, pkg:deb purl), a NuGet package (library, pkg:nuget purl),
/// one of our programs (application) or a loose file (file, with its SHA-256). <see cref="Locations"/> are the
/// image paths it covers, written as <c>evidence.occurrences</c>.
/// </summary>
public sealed record SbomComponent(string Type, string Name, string? Version, string? Purl, IReadOnlyList<string> Locations,
    string? Sha256 = null);
