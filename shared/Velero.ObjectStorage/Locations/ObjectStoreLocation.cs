namespace Velero.ObjectStorage.Locations;

/// <summary>
/// A BackupStorageLocation's view of its bucket: every key is relative to the root (<c>""</c> or
/// <c>&lt;prefix&gt;/</c>, spec 1.1), so callers write <c>backups/&lt;name&gt;/velero-backup.json</c> whatever the
/// prefix. Listings come back relative to the root too.
/// </summary>
public sealed class ObjectStoreLocation : IDisposable
{
    public ObjectStoreLocation(IObjectStore store, string? prefix, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        Prefix = LocationRules.Trim(prefix);
        Root = LocationRules.Root(Prefix);
        Name = name;
    }

    public IObjectStore Store { get; }

    public string Bucket => Store.Bucket;

    /// <summary>The prefix with leading and trailing <c>/</c> trimmed, <c>""</c> if none.</summary>
    public string Prefix { get; }

    public string Root { get; }

    /// <summary>The BackupStorageLocation's name, if the caller gave it; used in the validation message.</summary>
    public string? Name { get; }

    /// <summary>The full object key of a root-relative key.</summary>
    public string KeyFor(string relativeKey)
    {
        ArgumentNullException.ThrowIfNull(relativeKey);
        return Root + relativeKey;
    }

    /// <summary>
    /// Writes under <c>backups/</c>, <c>restores/</c> or <c>metadata/</c> only, so the location stays valid for upstream
    /// Velero: <c>plugins/</c> is reserved, and <c>kopia/</c> and <c>restic/</c> hold those tools' repositories, which
    /// only a writer of their own format may touch. Anything else is refused with <see cref="ArgumentException"/>.
    /// </summary>
    public Task PutAsync(string relativeKey, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relativeKey);
        var top = relativeKey.Split('/', 2)[0];
        if (relativeKey.IndexOf('/', StringComparison.Ordinal) < 0 || !WritableDirectories.Contains(top, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"refusing to write {relativeKey}: backups write only under {string.Join(", ", WritableDirectories.Select(d => d + "/"))}",
                nameof(relativeKey));
        }

        return Store.PutAsync(KeyFor(relativeKey), body, cancellationToken);
    }

    /// <summary>The top-level directories <see cref="PutAsync"/> writes under.</summary>
    public static IReadOnlyList<string> WritableDirectories { get; } = ["backups", "restores", "metadata"];

    public Task<bool> ExistsAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        Store.ExistsAsync(KeyFor(relativeKey), cancellationToken);

    public Task<Stream> GetAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        Store.GetAsync(KeyFor(relativeKey), cancellationToken);

    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        Store.DeleteAsync(KeyFor(relativeKey), cancellationToken);

    public Task<Uri> CreateSignedUrlAsync(string relativeKey, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        Store.CreateSignedUrlAsync(KeyFor(relativeKey), ttl, cancellationToken);

    /// <summary>Common prefixes under a root-relative prefix, returned root-relative with the delimiter kept.</summary>
    public async Task<IReadOnlyList<string>> ListCommonPrefixesAsync(
        string relativePrefix, string delimiter = "/", CancellationToken cancellationToken = default)
    {
        var prefixes = await Store.ListCommonPrefixesAsync(KeyFor(relativePrefix), delimiter, cancellationToken);
        return [.. prefixes.Select(Relative)];
    }

    public async IAsyncEnumerable<string> ListKeysAsync(
        string relativePrefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var key in Store.ListKeysAsync(KeyFor(relativePrefix), cancellationToken))
        {
            yield return Relative(key);
        }
    }

    /// <summary>
    /// Upstream's BSL validation (<c>IsValid</c> plus the controller's wrapping, spec 7.4): unavailable when the
    /// root cannot be listed or holds a top-level directory Velero does not own. Loose files at the root are fine.
    /// The message is sanitized; the caller's cancellation is the only exception that escapes.
    /// </summary>
    public async Task<StorageLocationValidation> ValidateAsync(CancellationToken cancellationToken = default)
    {
        string? problem;
        try
        {
            var prefixes = await ListCommonPrefixesAsync("", "/", cancellationToken);
            problem = TopLevelDirectories.Check(prefixes.Select(p => p.TrimEnd('/')));
        }
        catch (ObjectStorageException e)
        {
            problem = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            problem = MessageSanitizer.Sanitize(e.Message);
        }

        if (problem is null)
        {
            return StorageLocationValidation.Available;
        }

        // Upstream wraps the store's error with the location's name: status.message reads
        // `BackupStorageLocation "default" is unavailable: Backup store contains invalid top-level directories: [x]`.
        var message = Name is null ? problem : $"BackupStorageLocation \"{Name}\" is unavailable: {problem}";
        return new StorageLocationValidation(StorageLocationPhase.Unavailable, message);
    }

    public void Dispose() => Store.Dispose();

    private string Relative(string key) => key.StartsWith(Root, StringComparison.Ordinal) ? key[Root.Length..] : key;
}
