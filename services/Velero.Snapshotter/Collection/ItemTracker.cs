using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Velero.BackupFormat.Files;
using Velero.Selection.Resources;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// What one backup has taken so far, shared by the lister and the workers: the items claimed (each is backed up once,
/// by group-resource, namespace and name, as upstream dedupes), the counts, and what the files beside the tarball need.
/// </summary>
internal sealed class ItemTracker
{
    private readonly ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _namespacesWithItems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DiscoveredResource> _typesBackedUp = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonObject> _persistentVolumes = new();
    private int _total;
    private int _backedUp;
    private int _hooksAttempted;
    private int _hooksFailed;

    public ResourceList ResourceList { get; } = new();

    public int TotalItems => Volatile.Read(ref _total);

    public int ItemsBackedUp => Volatile.Read(ref _backedUp);

    public int HooksAttempted => Volatile.Read(ref _hooksAttempted);

    public int HooksFailed => Volatile.Read(ref _hooksFailed);

    /// <summary>The PersistentVolumes backed up, for the volume information file.</summary>
    public IReadOnlyCollection<JsonObject> PersistentVolumes => _persistentVolumes;

    /// <summary>Types with at least one item written (their CRDs follow at the end).</summary>
    public IReadOnlyCollection<string> TypesBackedUp => [.. _typesBackedUp.Keys];

    public bool IsClaimed(string key) => _claimed.ContainsKey(key);

    public bool HoldsItemsIn(string @namespace) => _namespacesWithItems.ContainsKey(@namespace);

    /// <summary>Claims an item for backing up; false when it is already someone's.</summary>
    public bool TryClaim(CollectedItem item)
    {
        if (!_claimed.TryAdd(item.Key, 0))
        {
            return false;
        }

        Interlocked.Increment(ref _total);
        if (item.Facts.Namespace is { } ns)
        {
            _namespacesWithItems.TryAdd(ns, 0);
        }

        return true;
    }

    /// <summary>Records an item written to the tarball.</summary>
    public void Written(CollectedItem item)
    {
        ResourceList.Add((string?)item.Object["apiVersion"] ?? item.Type.GroupVersion, (string?)item.Object["kind"] ?? item.Type.Kind,
            item.Facts.Namespace, item.Facts.Name);
        Interlocked.Increment(ref _backedUp);
        _typesBackedUp.TryAdd(item.Type.GroupResource, item.Type);
        if (item.Type.GroupResource == KnownResources.PersistentVolumes)
        {
            _persistentVolumes.Enqueue(item.Object);
        }
    }

    public void AddHooks(int attempted, int failed)
    {
        Interlocked.Add(ref _hooksAttempted, attempted);
        Interlocked.Add(ref _hooksFailed, failed);
    }
}
