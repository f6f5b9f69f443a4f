namespace Velero.ObjectStorage;

/// <summary>
/// One bucket of object storage, as upstream Velero's <c>ObjectStore</c> plugin interface (spec 9.2) sees it, with
/// the bucket bound at creation instead of passed to every call. Keys are full object keys inside the bucket;
/// <see cref="Locations.ObjectStoreLocation"/> adds a BackupStorageLocation's prefix on top.
/// </summary>
public interface IObjectStore : IDisposable
{
    /// <summary>The provider this store was created for, namespaced (<c>velero.io/aws</c>, <c>velero.io/fs</c>).</summary>
    string Provider { get; }

    string Bucket { get; }

    /// <summary>
    /// Writes <paramref name="body"/> under <paramref name="key"/>, replacing any object there. The body may be
    /// non-seekable and of unknown length; it is read once, to its end, with bounded memory.
    /// </summary>
    Task PutAsync(string key, Stream body, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Opens the object for streaming reads; throws <see cref="ObjectNotFoundException"/> if it is missing.</summary>
    Task<Stream> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// The distinct prefixes up to and including the first <paramref name="delimiter"/> after
    /// <paramref name="prefix"/>, as full prefixes (upstream's <c>ListCommonPrefixes</c>), sorted.
    /// </summary>
    Task<IReadOnlyList<string>> ListCommonPrefixesAsync(
        string prefix, string delimiter, CancellationToken cancellationToken = default);

    /// <summary>Every key starting with <paramref name="prefix"/>, across all pages, in ascending ordinal order.</summary>
    IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; a missing object is not an error (upstream relies on that for retries).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// A URL anyone can GET the object from until <paramref name="ttl"/> passes (DownloadRequest, spec 1.10).
    /// Providers without one throw <see cref="NotSupportedException"/>: callers stream with <see cref="GetAsync"/>.
    /// </summary>
    Task<Uri> CreateSignedUrlAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default);
}
