using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Velero.Kubernetes.Raw;

/// <summary>
/// An API server's answer to a write: the status code and the body as sent, parsed only when asked (a restore of 100,000
/// objects reads few of them).
/// </summary>
public sealed class ApiResponse(HttpStatusCode status, byte[] body)
{
    public HttpStatusCode Status { get; } = status;

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public ReadOnlyMemory<byte> Body { get; } = body;

    /// <summary>The body as an object: the object written, or the API server's Status.</summary>
    public JsonObject? Json()
    {
        if (Body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Body.Span) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The API server's <c>Status.reason</c> (<c>AlreadyExists</c>, <c>NotFound</c>, <c>Invalid</c>...), if the body is a Status.</summary>
    public string? Reason => Json() is { } status && (string?)status["kind"] == "Status" ? (string?)status["reason"] : null;

    /// <summary>What went wrong, in the API server's words when it gave any.</summary>
    public string Message =>
        (Json() is { } status && (string?)status["kind"] == "Status" ? (string?)status["message"] : null)
        ?? $"{(int)Status} {Status}";
}
