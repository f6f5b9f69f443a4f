using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// An item file as upstream writes it, <c>json.Marshal</c> of the unstructured object: compact, object keys sorted
/// (Go marshals maps in key order), values as the API server served them.
/// </summary>
internal static class ItemJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Non-ASCII stays UTF-8 as Go writes it; HTML-sensitive characters are escaped, as Go does too.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        SkipValidation = true,
    };

    public static byte[] Serialize(JsonObject item)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, item);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var value in array)
                {
                    Write(writer, value);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
