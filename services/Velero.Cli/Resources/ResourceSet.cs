using k8s;
using k8s.Models;
using Velero.Cli.CommandLine;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Resources;

/// <summary>
/// The velero.io resources of one kind in the command's namespace, with the API server's not-found text
/// (<c>schedules.velero.io "x" not found</c>) for a name that does not exist, as upstream's client reports it.
/// </summary>
internal sealed class ResourceSet<T>(CommandContext ctx)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly CustomResourceClient<T> _client = new(ctx.Kube());

    public CustomResourceClient<T> Client => _client;

    public async Task<T> GetAsync(string name) =>
        await _client.GetAsync(ctx.Namespace, name, ctx.CancellationToken)
        ?? throw new CliException(NotFound(name));

    public string NotFound(string name) => $"{_client.Plural}.velero.io \"{name}\" not found";

    /// <summary>Every resource matching the selector (already validated), sorted by name as the API server lists.</summary>
    public async Task<IReadOnlyList<T>> ListAsync(string? selector = null)
    {
        var list = await _client.ListAsync(ctx.Namespace, string.IsNullOrEmpty(selector) ? null : selector,
            ctx.CancellationToken);
        return [.. list.Items.OrderBy(i => i.Metadata.Name, StringComparer.Ordinal)];
    }

    /// <summary>The named resources (the first missing one is an error), or else the selected ones.</summary>
    public async Task<IReadOnlyList<T>> GetOrListAsync(IReadOnlyList<string> names, string? selector)
    {
        if (names.Count == 0)
        {
            return await ListAsync(selector);
        }

        var items = new List<T>();
        foreach (var name in names)
        {
            items.Add(await GetAsync(name));
        }

        return items;
    }
}
