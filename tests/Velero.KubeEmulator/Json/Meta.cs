using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Velero.KubeEmulator.Json;

/// <summary>Typed access to the well-known parts of a schemaless object.</summary>
internal static class Meta
{
    /// <summary>Like Go's encoder: no escaping of '+' or non-ASCII text, so sizes match what kubectl measures.</summary>
    public static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject m)
        {
            return m;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? Str(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string Name(JsonObject obj) => Str(obj["metadata"], "name") ?? "";
    public static string Namespace(JsonObject obj) => Str(obj["metadata"], "namespace") ?? "";

    public static Dictionary<string, string>? Labels(JsonObject obj) => StringMap(obj["metadata"]?["labels"]);

    public static Dictionary<string, string>? StringMap(JsonNode? node)
    {
        if (node is not JsonObject map || map.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var (k, v) in map)
        {
            result[k] = v is JsonValue value && value.TryGetValue<string>(out var s) ? s : v?.ToJsonString() ?? "";
        }

        return result;
    }

    public static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? [.. a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")] : [];

    private static readonly JsonWriterOptions WireWriter = new() { Encoder = Wire.Encoder };

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? _buffer;

    /// <summary>Compact UTF-8 JSON, written through a per-thread buffer (this runs on every write).</summary>
    public static byte[] Serialize(JsonNode node)
    {
        var buffer = _buffer ??= new System.Buffers.ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WireWriter))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static JsonObject ParseObject(byte[] json) => (JsonNode.Parse(json) as JsonObject)!;

    /// <summary>Walks a dotted path such as ".spec.replicas" or "status.phase".</summary>
    public static JsonNode? At(JsonNode? root, string dottedPath)
    {
        var node = root;
        foreach (var part in dottedPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    /// <summary>Sets a dotted path, creating objects on the way.</summary>
    public static void Set(JsonObject root, string dottedPath, JsonNode? value)
    {
        var parts = dottedPath.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next)
            {
                next = new JsonObject();
                node[part] = next;
            }

            node = next;
        }

        node[parts[^1]] = value;
    }

    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
