using System.Text.Json;
using System.Text.Json.Nodes;

namespace Velero.KubeEmulator.Api;

/// <summary>Writing JSON bodies and Status errors.</summary>
internal static class Responses
{
    public static async Task WriteJsonAsync(HttpContext context, JsonNode body, int code = 200, string contentType = "application/json")
    {
        // One buffer with a Content-Length: cheaper for Kestrel than a chunked stream of small writes.
        var bytes = Json.Meta.Serialize(body);
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiException error) =>
        WriteJsonAsync(context, error.ToStatus(), error.Code);

    /// <summary>Reads a request body up to the 3 MiB limit of kube-apiserver (exactly sized when the length is known).</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        const int Limit = 3 * 1024 * 1024;
        if (request.ContentLength is { } length)
        {
            if (length > Limit)
            {
                throw ApiException.TooLarge();
            }

            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, ct);
            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > Limit)
                {
                    throw ApiException.TooLarge();
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses a JSON (or YAML) object body; malformed input is a 400 as on the real server.</summary>
    public static JsonObject ParseObject(byte[] body, string? contentType)
    {
        try
        {
            var yaml = contentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true;
            var text = yaml ? System.Text.Encoding.UTF8.GetString(body) : "";
            JsonNode? node = yaml && !text.TrimStart().StartsWith('{')
                ? Json.YamlReader.ReadDocuments(text).FirstOrDefault()
                : JsonNode.Parse(body);
            return node as JsonObject ?? throw ApiException.BadRequest("the body of the request was not a JSON object");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"couldn't get version/kind; json parse error: {e.Message}");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw ApiException.BadRequest($"error converting YAML to JSON: {e.Message}");
        }
    }
}
