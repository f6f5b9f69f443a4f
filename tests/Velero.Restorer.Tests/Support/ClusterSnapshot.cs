using System.Text.Json.Nodes;
using Velero.Kubernetes.Raw;
using Velero.Selection.Resources;

namespace Velero.Restorer.Tests.Support;

/// <summary>
/// Every object of a cluster as its API serves it: discovery (the types Velero considers: preferred versions,
/// listable, no subresources), then a paged LIST of each type across all namespaces. Read through the API rather than
/// the emulator's store, so what is compared is what a client of the restored cluster would see.
/// </summary>
public sealed class ClusterSnapshot
{
    private ClusterSnapshot(IReadOnlyDictionary<ObjectKey, JsonObject> objects) => Objects = objects;

    public IReadOnlyDictionary<ObjectKey, JsonObject> Objects { get; }

    public int Count => Objects.Count;

    public JsonObject? this[ObjectKey key] => Objects.GetValueOrDefault(key);

    public static async Task<ClusterSnapshot> TakeAsync(k8s.Kubernetes client, CancellationToken cancellationToken = default)
    {
        var api = new ClusterApi(client);
        var discovery = new DiscoveryModel(await ApiDiscovery.DiscoverAsync(api, cancellationToken));
        var objects = new Dictionary<ObjectKey, JsonObject>();
        foreach (var type in discovery.Resources)
        {
            string? next = null;
            do
            {
                var page = await api.ListPageAsync(type, null, "", 5000, next, cancellationToken);
                foreach (var item in page.Items)
                {
                    var ns = (string?)item["metadata"]?["namespace"];
                    objects[new ObjectKey(type.GroupResource, type.Namespaced ? ns : null, (string)item["metadata"]!["name"]!)] = item;
                }

                next = page.Continue;
            }
            while (next is not null);
        }

        return new ClusterSnapshot(objects);
    }

    /// <summary>The objects of one type, by key.</summary>
    public IEnumerable<KeyValuePair<ObjectKey, JsonObject>> Of(string groupResource) =>
        Objects.Where(p => p.Key.GroupResource == groupResource);

    /// <summary>The object's <c>metadata.resourceVersion</c> as a number: the emulator's one cluster-wide counter, so creation order.</summary>
    public static long ResourceVersion(JsonObject obj) => long.Parse((string)obj["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture);
}
