namespace Velero.KubeEmulator.Storage;

/// <summary>
/// The emulator's etcd: objects per group/resource, one cluster-wide revision counter, a bounded history of
/// changes for watches (older revisions answer 410 Gone, as after an etcd compaction), and watch fan-out.
/// Every write is conditional, so callers get optimistic concurrency for free.
/// </summary>
public sealed class ObjectStore(int historyCapacity = 20_000)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, SortedDictionary<string, StoredObject>>> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<WatchSubscription>> _watchers = new(StringComparer.Ordinal);
    private readonly Queue<(long Revision, WatchEvent Event)> _history = new();
    private long _revision = 1;
    private long _historyFloor = 1;

    public long Revision
    {
        get { lock (_gate) { return _revision; } }
    }

    public StoredObject? Get(string storageKey, string ns, string name)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(storageKey, out var byNs) && byNs.TryGetValue(ns, out var objects)
                && objects.TryGetValue(name, out var found) ? found : null;
        }
    }

    /// <summary>A consistent snapshot, ordered by namespace then name, with the revision it was taken at.</summary>
    public (StoredObject[] Items, long Revision) List(string storageKey, string? ns)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(storageKey, out var byNs))
            {
                return ([], _revision);
            }

            if (ns is not null)
            {
                return (byNs.TryGetValue(ns, out var objects) ? [.. objects.Values] : [], _revision);
            }

            var all = new List<StoredObject>(byNs.Values.Sum(o => o.Count));
            foreach (var key in byNs.Keys.Order(StringComparer.Ordinal))
            {
                all.AddRange(byNs[key].Values);
            }

            return ([.. all], _revision);
        }
    }

    /// <summary>The oldest revision a watch can resume from (older ones answer 410 Gone).</summary>
    public long OldestRevision
    {
        get { lock (_gate) { return _historyFloor; } }
    }

    public int Count(string storageKey)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(storageKey, out var byNs) ? byNs.Values.Sum(o => o.Count) : 0;
        }
    }

    public IReadOnlyList<string> StorageKeys
    {
        get { lock (_gate) { return [.. _buckets.Where(b => b.Value.Count > 0).Select(b => b.Key)]; } }
    }

    /// <summary>Stores a new object; build gets the revision to write into it.</summary>
    public CommitResult Create(string storageKey, string ns, string name, Func<long, StoredObject> build)
    {
        lock (_gate)
        {
            var objects = Bucket(storageKey, ns);
            if (objects.TryGetValue(name, out var existing))
            {
                return new CommitResult(CommitStatus.AlreadyExists, existing);
            }

            var stored = build(_revision + 1);
            _revision++;
            objects[name] = stored;
            Publish(new WatchEvent("ADDED", storageKey, stored, null));
            return new CommitResult(CommitStatus.Ok, stored);
        }
    }

    /// <summary>Replaces expected with a new version, unless someone else changed it first.</summary>
    public CommitResult Update(string storageKey, StoredObject expected, Func<long, StoredObject> build)
    {
        lock (_gate)
        {
            var objects = Bucket(storageKey, expected.Namespace);
            if (!objects.TryGetValue(expected.Name, out var current))
            {
                return new CommitResult(CommitStatus.NotFound, null);
            }

            if (current.ResourceVersion != expected.ResourceVersion)
            {
                return new CommitResult(CommitStatus.Conflict, current);
            }

            var stored = build(_revision + 1);
            _revision++;
            objects[expected.Name] = stored;
            Publish(new WatchEvent("MODIFIED", storageKey, stored, current));
            return new CommitResult(CommitStatus.Ok, stored);
        }
    }

    /// <summary>Removes expected; the DELETED event carries the object at the deletion's revision.</summary>
    public CommitResult Delete(string storageKey, StoredObject expected, Func<long, StoredObject> tombstone)
    {
        lock (_gate)
        {
            var objects = Bucket(storageKey, expected.Namespace);
            if (!objects.TryGetValue(expected.Name, out var current))
            {
                return new CommitResult(CommitStatus.NotFound, null);
            }

            if (current.ResourceVersion != expected.ResourceVersion)
            {
                return new CommitResult(CommitStatus.Conflict, current);
            }

            var gone = tombstone(_revision + 1);
            _revision++;
            objects.Remove(expected.Name);
            Publish(new WatchEvent("DELETED", storageKey, gone, current));
            return new CommitResult(CommitStatus.Ok, gone);
        }
    }

    /// <summary>
    /// Subscribes to changes after fromRevision. Returns null when that revision is older than the history
    /// kept (the caller answers 410 Gone). The backlog and the feed never overlap or miss an event.
    /// </summary>
    public (WatchSubscription Subscription, IReadOnlyList<WatchEvent> Backlog)? Watch(string storageKey, long fromRevision)
    {
        lock (_gate)
        {
            if (fromRevision < _historyFloor && fromRevision < _revision)
            {
                return null;
            }

            var backlog = _history.Where(h => h.Revision > fromRevision && h.Event.StorageKey == storageKey)
                .Select(h => h.Event).ToList();
            var subscription = new WatchSubscription(Unsubscribe);
            if (!_watchers.TryGetValue(storageKey, out var list))
            {
                _watchers[storageKey] = list = [];
            }

            list.Add(subscription);
            return (subscription, backlog);
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            foreach (var list in _watchers.Values)
            {
                list.Remove(subscription);
            }
        }
    }

    private SortedDictionary<string, StoredObject> Bucket(string storageKey, string ns)
    {
        if (!_buckets.TryGetValue(storageKey, out var byNs))
        {
            _buckets[storageKey] = byNs = new Dictionary<string, SortedDictionary<string, StoredObject>>(StringComparer.Ordinal);
        }

        if (!byNs.TryGetValue(ns, out var objects))
        {
            byNs[ns] = objects = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
        }

        return objects;
    }

    private void Publish(WatchEvent e)
    {
        _history.Enqueue((_revision, e));
        while (_history.Count > historyCapacity)
        {
            _historyFloor = _history.Dequeue().Revision;
        }

        if (_watchers.TryGetValue(e.StorageKey, out var list))
        {
            foreach (var watcher in list)
            {
                watcher.Publish(e);
            }
        }
    }
}
