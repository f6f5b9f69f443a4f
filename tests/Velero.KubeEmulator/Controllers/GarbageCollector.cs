using System.Text.Json.Nodes;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Json;
using Velero.KubeEmulator.Storage;

namespace Velero.KubeEmulator.Controllers;

/// <summary>
/// The garbage collector's background propagation: an object whose owners (ownerReferences) are all gone is
/// deleted, as kube-controller-manager does after a default (Background) delete of its owner.
/// </summary>
internal sealed class GarbageCollector(Cluster cluster)
{
    /// <summary>One pass over every stored object; returns whether anything was deleted.</summary>
    public bool Collect()
    {
        var snapshot = cluster.Store.StorageKeys.Select(k => (Key: k, Items: cluster.Store.List(k, null).Items)).ToList();
        var dependents = snapshot.SelectMany(s => s.Items.Where(HasOwners).Select(i => (s.Key, Item: i))).ToList();
        if (dependents.Count == 0)
        {
            return false;
        }

        var alive = snapshot.SelectMany(s => s.Items).Select(i => i.Uid).ToHashSet(StringComparer.Ordinal);
        var deleted = false;
        foreach (var (key, item) in dependents)
        {
            var owners = Meta.ParseObject(item.Json)["metadata"]?["ownerReferences"] as JsonArray ?? [];
            if (owners.Count == 0 || owners.Any(o => alive.Contains(Meta.Str(o, "uid") ?? "")))
            {
                continue;
            }

            var type = cluster.Registry.ByStorageKey(key).FirstOrDefault();
            if (type is null)
            {
                continue;
            }

            try
            {
                cluster.Objects.Delete(type, item.Namespace, item.Name, new DeleteOptions(item.Uid, null, false));
                deleted = true;
            }
            catch (Api.ApiException e) when (e.Code is 404 or 409)
            {
                // Gone or replaced meanwhile.
            }
        }

        return deleted;
    }

    /// <summary>A byte search first: most objects have no owners, and parsing them all would be slow.</summary>
    private static bool HasOwners(StoredObject item) => item.Json.AsSpan().IndexOf("\"ownerReferences\""u8) >= 0;
}
