namespace Velero.ObjectStorage.FileSystem;

/// <summary>
/// The <c>velero.io/fs</c> provider: config <c>path</c> (absolute), or <c>fspath</c>, the name upstream's Kopia
/// integration uses for a filesystem repository; objects live at <c>&lt;path&gt;/&lt;bucket&gt;/&lt;key&gt;</c>.
/// </summary>
public sealed class FileSystemObjectStoreProvider : IObjectStoreProvider
{
    public const string PathKey = "path";
    public const string FsPathKey = "fspath";

    public string Name => ProviderNames.FileSystem;

    public IReadOnlyList<string> ConfigKeys { get; } = [PathKey, FsPathKey, "credentialsFile"];

    public IObjectStore Create(string bucket, BackupStorageLocationConfig location)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(location);
        var path = NullIfEmpty(Velero.ObjectStorage.ConfigKeys.Get(location.Config, PathKey));
        var fsPath = NullIfEmpty(Velero.ObjectStorage.ConfigKeys.Get(location.Config, FsPathKey));
        if (path is not null && fsPath is not null && path != fsPath)
        {
            throw Invalid($"config keys {PathKey} and {FsPathKey} name different directories; set one of them");
        }

        var directory = path ?? fsPath ?? throw Invalid($"the {ProviderNames.FileSystem} provider needs config key {PathKey} (or {FsPathKey})");
        if (!Path.IsPathFullyQualified(directory))
        {
            throw Invalid($"config key {PathKey} must be an absolute path, got \"{directory}\"");
        }

        if (bucket is "." or ".." || bucket.Contains('\\', StringComparison.Ordinal))
        {
            throw Invalid($"bucket \"{bucket}\" cannot be a directory name for the {ProviderNames.FileSystem} provider");
        }

        return new FileSystemObjectStore(Path.Combine(directory, bucket), bucket);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ObjectStorageException Invalid(string message) => new(ObjectStorageErrorKind.InvalidConfiguration, message);
}
