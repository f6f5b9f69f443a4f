using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Velero.Kubernetes.Resources;

/// <summary>
/// Typed access to one kind of namespaced custom resource (the <c>velero.io</c> types of <c>Velero.Api</c>) in one
/// cluster, its group, version and plural read from the type's <see cref="KubernetesEntityAttribute"/>.
/// </summary>
public sealed class CustomResourceClient<T>(IKubernetes client)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly KubernetesEntityAttribute Entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no [KubernetesEntity]");

    public string Plural => Entity.PluralName;

    public async Task<CustomResourceList<T>> ListAsync(string @namespace, string? labelSelector = null,
        CancellationToken cancellationToken = default)
    {
        using var response = await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<CustomResourceList<T>>(
            Entity.Group, Entity.ApiVersion, @namespace, Entity.PluralName, labelSelector: labelSelector,
            cancellationToken: cancellationToken);
        return response.Body;
    }

    /// <summary>The resource, or null when it does not exist.</summary>
    public async Task<T?> GetAsync(string @namespace, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<T>(Entity.Group, Entity.ApiVersion, @namespace,
                Entity.PluralName, name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<T> CreateAsync(T resource, CancellationToken cancellationToken = default) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync<T>(resource, Entity.Group, Entity.ApiVersion,
            resource.Metadata.NamespaceProperty, Entity.PluralName, cancellationToken: cancellationToken);

    /// <summary>
    /// A JSON merge patch of <c>status</c>. Velero's CRDs declare no status subresource (upstream's neither), so
    /// status is written through the resource itself.
    /// </summary>
    public Task<T> PatchStatusAsync(string @namespace, string name, object status, CancellationToken cancellationToken = default) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync<T>(
            new V1Patch(new { status }, V1Patch.PatchType.MergePatch), Entity.Group, Entity.ApiVersion, @namespace,
            Entity.PluralName, name, cancellationToken: cancellationToken);

    /// <summary>A JSON merge patch of the resource: metadata, spec and status alike (null members are left out).</summary>
    public Task<T> PatchAsync(string @namespace, string name, object patch, CancellationToken cancellationToken = default) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync<T>(
            new V1Patch(patch, V1Patch.PatchType.MergePatch), Entity.Group, Entity.ApiVersion, @namespace,
            Entity.PluralName, name, cancellationToken: cancellationToken);

    /// <summary>Deletes the resource; one that is already gone is not an error.</summary>
    public async Task DeleteAsync(string @namespace, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Entity.Group, Entity.ApiVersion, @namespace,
                Entity.PluralName, name, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    /// <summary>Changes after <paramref name="resourceVersion"/>, with bookmarks, until the server ends the watch.</summary>
    public async IAsyncEnumerable<(WatchEventType Type, T Resource)> WatchAsync(string @namespace, string resourceVersion,
        TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var events = client.CustomObjects.WatchListNamespacedCustomObjectAsync(Entity.Group, Entity.ApiVersion, @namespace,
            Entity.PluralName, allowWatchBookmarks: true, resourceVersion: resourceVersion,
            timeoutSeconds: (int)timeout.TotalSeconds, cancellationToken: cancellationToken);
        await foreach (var (type, item) in events)
        {
            // The untyped watch hands out JSON elements; the typed serializer makes them resources.
            var json = item is JsonElement element ? element.GetRawText() : KubernetesJson.Serialize(item);
            yield return (type, KubernetesJson.Deserialize<T>(json));
        }
    }
}
