namespace Velero.Images;

/// <summary>Which Debian package owns a host file, and that package's version and architecture.</summary>
public interface IPackageDatabase
{
    /// <summary>The owning package of each path that has one (paths without an owner are left out).</summary>
    Task<IReadOnlyDictionary<string, string>> OwnersAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken);

    Task<(string Version, string Architecture)> VersionAsync(string package, CancellationToken cancellationToken);
}
