using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Velero.Selection.Resources;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// The raw Kubernetes API the collector reads: discovery documents, LIST pages and single objects as JSON, whatever
/// the type, so items are written as the API server served them (upstream reads them as unstructured objects).
/// </summary>
internal sealed class ClusterApi
{
    private readonly k8s.Kubernetes _client;
    private readonly string _root;

    public ClusterApi(IKubernetes client)
    {
        _client = client as k8s.Kubernetes
            ?? throw new NotSupportedException($"the collector needs a {typeof(k8s.Kubernetes).FullName} client, got {client.GetType().Name}");
        _root = _client.BaseUri.ToString().TrimEnd('/');
    }

    /// <summary><c>/api/v1</c> or <c>/apis/&lt;group&gt;/&lt;version&gt;</c>.</summary>
    public static string GroupVersionPath(string group, string version) =>
        group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";

    /// <summary>The collection path of a type, in one namespace or (empty) across all.</summary>
    public static string CollectionPath(DiscoveredResource type, string? @namespace) =>
        GroupVersionPath(type.Group, type.Version)
        + (type.Namespaced && !string.IsNullOrEmpty(@namespace) ? $"/namespaces/{Uri.EscapeDataString(@namespace)}" : "")
        + "/" + type.Resource;

    /// <summary>The path of one object.</summary>
    public static string ObjectPath(DiscoveredResource type, string? @namespace, string name) =>
        CollectionPath(type, @namespace) + "/" + Uri.EscapeDataString(name);

    /// <summary>The object at <paramref name="path"/>, or null when the API server answers 404.</summary>
    public async Task<JsonObject?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, path, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonNode.ParseAsync(body, cancellationToken: cancellationToken) as JsonObject
            ?? throw new InvalidDataException($"GET {path}: the response is not a JSON object");
    }

    /// <summary>
    /// One LIST page. Items get the list's <c>apiVersion</c> and <c>kind</c>, which the API server leaves out of list
    /// items and client-go's unstructured decoding puts back.
    /// </summary>
    public async Task<ListPage> ListPageAsync(DiscoveredResource type, string? @namespace, string labelSelector, int limit,
        string? continueToken, CancellationToken cancellationToken)
    {
        var query = $"?limit={limit}";
        if (labelSelector.Length > 0)
        {
            query += "&labelSelector=" + Uri.EscapeDataString(labelSelector);
        }

        if (!string.IsNullOrEmpty(continueToken))
        {
            query += "&continue=" + Uri.EscapeDataString(continueToken);
        }

        var list = await GetAsync(CollectionPath(type, @namespace) + query, cancellationToken)
            ?? throw new InvalidOperationException($"the server could not find the requested resource ({type.GroupResource})");
        var items = new List<JsonObject>();
        if (list["items"] is JsonArray array)
        {
            foreach (var node in array)
            {
                if (node is JsonObject item)
                {
                    item["apiVersion"] ??= type.GroupVersion;
                    item["kind"] ??= type.Kind;
                    items.Add(item);
                }
            }

            array.Clear();
        }

        var next = (string?)list["metadata"]?["continue"];
        return new ListPage(items, string.IsNullOrEmpty(next) ? null : next);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _root + path);
        request.Headers.Accept.ParseAdd("application/json");
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }

        return await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        // The API server's Status message says what went wrong; bodies are objects and messages, never credentials.
        string? message = null;
        try
        {
            var status = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            message = (string?)status?["message"];
        }
        catch (System.Text.Json.JsonException)
        {
        }

        var route = path.Split('?')[0];
        throw new HttpRequestException(
            $"GET {route}: {(int)response.StatusCode} {message ?? response.ReasonPhrase}", null, response.StatusCode);
    }
}
