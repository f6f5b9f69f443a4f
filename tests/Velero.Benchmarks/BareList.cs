using Velero.Kubernetes.Raw;
using k8s;

namespace Velero.Benchmarks;

/// <summary>
/// The floor a backup is measured against: every listable type, paged across all namespaces with the collector's
/// own API client and page size, items parsed as the collector parses them, and nothing else done with them.
/// </summary>
internal static class BareList
{
    public static async Task<int> CountAsync(IKubernetes client, int pageSize, CancellationToken cancellationToken)
    {
        var api = new ClusterApi(client);
        var count = 0;
        foreach (var type in await ApiDiscovery.DiscoverAsync(api, cancellationToken))
        {
            if (type.Verbs is { } verbs && !verbs.Contains("list"))
            {
                continue;
            }

            string? next = null;
            do
            {
                var page = await api.ListPageAsync(type, null, "", pageSize, next, cancellationToken);
                count += page.Items.Count;
                next = page.Continue;
            }
            while (next is not null);
        }

        return count;
    }
}
