using k8s;
using k8s.Models;
using Velero.Api;
using Velero.Cli.CommandLine;
using Velero.Cli.Selectors;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Resources;

/// <summary>
/// Reads Velero resources for the CLI as upstream's controller-runtime client does: by name with the API server's
/// not-found text (<c>backups.velero.io "x" not found</c>), or listed with a label selector validated first.
/// </summary>
internal static class VeleroResources
{
    public static async Task<T> GetAsync<T>(CommandContext ctx, string name)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var client = new CustomResourceClient<T>(ctx.Kube());
        return await client.GetAsync(ctx.Namespace, name, ctx.CancellationToken)
            ?? throw new CliException(NotFound<T>(name));
    }

    /// <summary>The resources in the namespace matching <paramref name="selector"/> (upstream's <c>labels.Parse</c> errors).</summary>
    public static async Task<IReadOnlyList<T>> ListAsync<T>(CommandContext ctx, string? selector)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        string? normalized = null;
        if (!string.IsNullOrWhiteSpace(selector))
        {
            try
            {
                normalized = LabelSelectorParser.Normalize(selector);
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message);
            }
        }

        var client = new CustomResourceClient<T>(ctx.Kube());
        var list = await client.ListAsync(ctx.Namespace, string.IsNullOrEmpty(normalized) ? null : normalized, ctx.CancellationToken);
        return [.. list.Items];
    }

    /// <summary>Named resources when names are given, else those matching the selector (get and describe).</summary>
    public static async Task<IReadOnlyList<T>> GetOrListAsync<T>(CommandContext ctx, string? selector)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (ctx.Args.Count == 0)
        {
            return await ListAsync<T>(ctx, selector);
        }

        var items = new List<T>();
        foreach (var name in ctx.Args)
        {
            items.Add(await GetAsync<T>(ctx, name));
        }

        return items;
    }

    public static string NotFound<T>(string name) => $"{Plural<T>()}.{WellKnown.Group} \"{name}\" not found";

    private static string Plural<T>() =>
        ((KubernetesEntityAttribute)Attribute.GetCustomAttribute(typeof(T), typeof(KubernetesEntityAttribute))!).PluralName;
}
