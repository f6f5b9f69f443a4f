using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Velero.ObjectStorage;

namespace Velero.Services.Tests.Scheduler.Deletion;

/// <summary>A bucket in memory that remembers the order of deletes.</summary>
internal sealed class MemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Deleted { get; } = new();

    public string Provider => "test";

    public string Bucket => "bucket";

    public IReadOnlyList<string> Keys => [.. _objects.Keys.Order(StringComparer.Ordinal)];

    public void Add(params string[] keys)
    {
        foreach (var key in keys)
        {
            _objects[key] = [1];
        }
    }

    public async Task PutAsync(string key, Stream body, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        _objects[key] = buffer.ToArray();
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(_objects.ContainsKey(key));

    public Task<Stream> GetAsync(string key, CancellationToken cancellationToken = default) =>
        _objects.TryGetValue(key, out var bytes)
            ? Task.FromResult<Stream>(new MemoryStream(bytes))
            : throw new ObjectNotFoundException(Bucket, key);

    public Task<IReadOnlyList<string>> ListCommonPrefixesAsync(string prefix, string delimiter, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var key in Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            yield return key;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        _objects.TryRemove(key, out _);
        Deleted.Enqueue(key);
    }

    public Task<Uri> CreateSignedUrlAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public void Dispose()
    {
    }
}
