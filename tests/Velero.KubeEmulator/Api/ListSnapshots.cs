using System.Collections.Concurrent;
using Velero.KubeEmulator.Storage;

namespace Velero.KubeEmulator.Api;

/// <summary>
/// Keeps the filtered result of a paged LIST so every page comes from the same revision, as paging over
/// etcd does. Snapshots live for five minutes (the real compaction window); an expired token answers 410.
/// </summary>
internal sealed class ListSnapshots(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (StoredObject[] Items, long Revision, DateTimeOffset Expires)> _snapshots = new();

    public string Keep(StoredObject[] items, long revision)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _snapshots.Where(s => s.Value.Expires < now).ToList())
        {
            _snapshots.TryRemove(old.Key, out _);
        }

        var id = Guid.NewGuid().ToString("N");
        _snapshots[id] = (items, revision, now + Lifetime);
        return id;
    }

    public (StoredObject[] Items, long Revision)? Find(string id) =>
        _snapshots.TryGetValue(id, out var s) ? (s.Items, s.Revision) : null;
}
