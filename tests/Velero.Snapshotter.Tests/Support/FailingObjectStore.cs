using Velero.ObjectStorage;

namespace Velero.Snapshotter.Tests.Support;

/// <summary>
/// A real store whose uploads of chosen keys fail after part of the body was read, as a dropped connection would, with
/// an error message that holds a pre-signed URL (which must never reach a failure reason).
/// </summary>
public sealed class FailingObjectStore(IObjectStore inner, Func<string, bool> fails, int failAfterBytes = 64 * 1024) : IObjectStore
{
    public string Provider => inner.Provider;

    public string Bucket => inner.Bucket;

    public async Task PutAsync(string key, Stream body, CancellationToken cancellationToken = default)
    {
        if (!fails(key))
        {
            await inner.PutAsync(key, body, cancellationToken);
            return;
        }

        var buffer = new byte[failAfterBytes];
        var read = 0;
        while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }

        throw new IOException(
            $"connection reset while uploading to https://s3.example.com/velero/{key}?X-Amz-Credential=AKIAABCDEFGHIJKLMNOP&X-Amz-Signature=deadbeef");
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);

    public Task<Stream> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public Task<IReadOnlyList<string>> ListCommonPrefixesAsync(string prefix, string delimiter, CancellationToken cancellationToken = default) =>
        inner.ListCommonPrefixesAsync(prefix, delimiter, cancellationToken);

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) =>
        inner.ListKeysAsync(prefix, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

    public Task<Uri> CreateSignedUrlAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        inner.CreateSignedUrlAsync(key, ttl, cancellationToken);

    public void Dispose() => inner.Dispose();
}
