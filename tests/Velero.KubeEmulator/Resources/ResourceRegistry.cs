namespace Velero.KubeEmulator.Resources;

/// <summary>
/// The resources this server serves: the built-ins plus those of established CRDs. Readers get an
/// immutable snapshot, so discovery and routing never see a half-registered CRD.
/// </summary>
public sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> _fromCrds = new(StringComparer.Ordinal);
    private volatile Snapshot _current;

    public ResourceRegistry() => _current = new Snapshot(BuiltInResources.All, 0);

    /// <summary>Changes every time a CRD adds or removes resources (for discovery caches and hashes).</summary>
    public long Revision => _current.Revision;

    public IReadOnlyList<ResourceType> All => _current.Types;

    public ResourceType? Find(string group, string version, string plural) =>
        _current.ByPath.GetValueOrDefault((group, version, plural));

    public ResourceType? FindKind(string group, string version, string kind) =>
        _current.ByKind.GetValueOrDefault((group, version, kind));

    /// <summary>Any version of a group and resource: storage is shared between versions.</summary>
    public IEnumerable<ResourceType> ByStorageKey(string storageKey) =>
        _current.Types.Where(t => t.StorageKey == storageKey);

    /// <summary>Sets (or with an empty list removes) the resources served for one CRD.</summary>
    public void SetCustom(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            if (types.Count == 0)
            {
                _fromCrds.Remove(crdName);
            }
            else
            {
                _fromCrds[crdName] = types;
            }

            // A CRD for a group and resource that is also built in (the CSI snapshot group) takes its place.
            var custom = _fromCrds.Values.SelectMany(t => t).ToList();
            var replaced = custom.Select(t => (t.Group, t.Plural)).ToHashSet();
            var merged = BuiltInResources.All.Where(t => !replaced.Contains((t.Group, t.Plural))).Concat(custom).ToList();
            _current = new Snapshot(merged, _current.Revision + 1);
        }
    }

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<ResourceType> types, long revision)
        {
            Types = types;
            Revision = revision;
            ByPath = types.GroupBy(t => (t.Group, t.Version, t.Plural)).ToDictionary(g => g.Key, g => g.Last());
            ByKind = types.GroupBy(t => (t.Group, t.Version, t.Kind)).ToDictionary(g => g.Key, g => g.Last());
        }

        public IReadOnlyList<ResourceType> Types { get; }
        public long Revision { get; }
        public Dictionary<(string, string, string), ResourceType> ByPath { get; }
        public Dictionary<(string, string, string), ResourceType> ByKind { get; }
    }
}
