using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using Velero.Selection.Resources;

namespace Velero.Kubernetes.Raw;

/// <summary>
/// The Kubernetes API as raw JSON, whatever the type: discovery documents, LIST pages, single objects, and writes.
/// Backups write items as the API server served them and restores create them as the backup holds them (upstream reads
/// and writes unstructured objects); typed models would drop fields they do not know.
/// </summary>
public sealed class ClusterApi
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly MediaTypeHeaderValue MergePatchType = new("application/merge-patch+json");
    private static readonly MediaTypeHeaderValue ApplyPatchType = new("application/apply-patch+yaml");

    private const int MaxAttempts = 5;
    private static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(10);

    private readonly k8s.Kubernetes _client;
    private readonly string _root;

    public ClusterApi(IKubernetes client)
    {
        _client = client as k8s.Kubernetes
            ?? throw new NotSupportedException($"the raw API needs a {typeof(k8s.Kubernetes).FullName} client, got {client.GetType().Name}");
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
        using var response = await SendAsync(HttpMethod.Get, path, null, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "GET", path, cancellationToken);
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

    /// <summary>POST of a new object to its collection; the answer says whether it was created or why not.</summary>
    public Task<ApiResponse> CreateAsync(string collectionPath, JsonObject item, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, collectionPath, item, JsonType, cancellationToken);

    /// <summary>PUT of a whole object (or its <c>/status</c>), guarded by the <c>resourceVersion</c> it carries.</summary>
    public Task<ApiResponse> ReplaceAsync(string path, JsonObject item, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Put, path, item, JsonType, cancellationToken);

    /// <summary>A JSON merge patch (RFC 7386).</summary>
    public Task<ApiResponse> MergePatchAsync(string path, JsonObject patch, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, path, patch, MergePatchType, cancellationToken);

    /// <summary>Server-side apply of a whole object (JSON is YAML), as <c>kubectl apply --server-side</c> sends it.</summary>
    public Task<ApiResponse> ServerSideApplyAsync(string path, JsonObject item, string fieldManager, bool force,
        CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, $"{path}?fieldManager={Uri.EscapeDataString(fieldManager)}&force={(force ? "true" : "false")}",
            item, ApplyPatchType, cancellationToken);

    /// <summary>DELETE of one object, or of a collection's objects that match <c>?labelSelector=</c> in the path.</summary>
    public async Task<ApiResponse> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, path, null, null, cancellationToken);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>Throws with the API server's message unless <paramref name="response"/> is a success.</summary>
    public static void EnsureSuccess(ApiResponse response, string verb, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccess)
        {
            throw new HttpRequestException($"{verb} {path.Split('?')[0]}: {response.Message}", null, response.Status);
        }
    }

    private async Task<ApiResponse> WriteAsync(HttpMethod method, string path, JsonObject body, MediaTypeHeaderValue type,
        CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        using var response = await SendAsync(method, path, bytes, type, cancellationToken);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>
    /// One request, retried as client-go retries: on 429 (API priority and fairness), and on a 5xx that carries
    /// <c>Retry-After</c>, after the wait the server asks for (capped), up to <see cref="MaxAttempts"/> attempts.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[]? body, MediaTypeHeaderValue? type,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, _root + path);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = type;
            }

            request.Headers.Accept.ParseAdd("application/json");
            if (_client.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, cancellationToken);
            }

            var response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var retry = response.StatusCode == HttpStatusCode.TooManyRequests || ((int)response.StatusCode >= 500 && retryAfter is not null);
            if (!retry || attempt >= MaxAttempts)
            {
                return response;
            }

            response.Dispose();
            var wait = retryAfter ?? TimeSpan.FromSeconds(1);
            await Task.Delay(wait > MaxRetryWait ? MaxRetryWait : wait, cancellationToken);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string verb, string path, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        // The API server's Status message says what went wrong; bodies are objects and messages, never credentials.
        EnsureSuccess(new ApiResponse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken)), verb, path);
    }
}
