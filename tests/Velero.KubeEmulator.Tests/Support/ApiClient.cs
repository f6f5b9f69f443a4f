using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Velero.KubeEmulator.Tests.Support;

/// <summary>Raw HTTP against an emulator, for the wire-level rules (status codes, Status bodies, streams).</summary>
public sealed class ApiClient(Uri baseAddress, string? token = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<(int Code, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? body = null,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? parsed = null;
        try
        {
            parsed = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return ((int)response.StatusCode, parsed, response);
    }

    public Task<(int Code, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(int Code, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string path, string body) => SendAsync(HttpMethod.Post, path, body);

    public Task<(int Code, JsonNode? Body, HttpResponseMessage Response)> PutAsync(string path, string body) => SendAsync(HttpMethod.Put, path, body);

    public Task<(int Code, JsonNode? Body, HttpResponseMessage Response)> PatchAsync(string path, string body, string type) => SendAsync(HttpMethod.Patch, path, body, type);

    public Task<(int Code, JsonNode? Body, HttpResponseMessage Response)> DeleteAsync(string path, string? body = null) => SendAsync(HttpMethod.Delete, path, body);

    public async Task<List<JsonNode>> WatchAsync(string path)
    {
        using var stream = await _http.GetStreamAsync(path);
        using var reader = new StreamReader(stream);
        var events = new List<JsonNode>();
        while (await reader.ReadLineAsync() is { } line)
        {
            events.Add(JsonNode.Parse(line)!);
        }

        return events;
    }

    public static string ConfigMap(string name, string ns, string? extra = null) =>
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns + "\"" + extra + "},\"data\":{\"k\":\"v\"}}";

    public static string Namespace(string name) => "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}";

    public void Dispose() => _http.Dispose();
}
