using Velero.KubeEmulator.Admission;
using Velero.KubeEmulator.Resources;
using Velero.KubeEmulator.Storage;

namespace Velero.KubeEmulator.Engine;

/// <summary>The state of one emulated cluster: storage, served resources, allocators and the clock.</summary>
public sealed class Cluster
{
    public Cluster(TimeProvider clock, string contextName, string? clusterSeed, int watchHistory = 20_000)
    {
        Store = new ObjectStore(watchHistory);
        Clock = clock;
        ContextName = contextName;
        KubeSystemUid = StableIds.For($"kube-system/{contextName}/{clusterSeed}");
        Objects = new ObjectWriter(this);
    }

    public TimeProvider Clock { get; }
    public string ContextName { get; }
    public string KubeSystemUid { get; }
    public ObjectStore Store { get; }
    public ResourceRegistry Registry { get; } = new();
    public ServiceAllocator Services { get; } = new();
    public ObjectWriter Objects { get; }

    /// <summary>Wakes the controllers (namespace and CRD finalization) after a deletion starts.</summary>
    public event Action? Changed;

    internal void NotifyChanged() => Changed?.Invoke();

    public string Now() => Json.Meta.Timestamp(Clock.GetUtcNow());

    public ResourceType Type(string group, string plural) =>
        Registry.All.First(t => t.Group == group && t.Plural == plural);
}
