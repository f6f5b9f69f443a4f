using System.Globalization;
using System.Text.Json.Nodes;

namespace Velero.ResourceModifiers.Patching;

/// <summary>
/// RFC 6902 JSON patch with the options upstream's <c>github.com/evanphx/json-patch/v5</c> applies by default: negative
/// array indices count from the end, <c>remove</c> of a missing path and <c>add</c> under a missing parent fail,
/// <c>replace</c> needs the key to exist. The operations apply to a copy; the document is only changed when all succeed.
/// </summary>
internal static class JsonPatch
{
    /// <summary>Applies <paramref name="operations"/> (each an object with <c>op</c>, <c>path</c>, <c>from</c>, <c>value</c>) and returns the patched copy.</summary>
    public static JsonNode? Apply(JsonNode? document, IEnumerable<JsonObject> operations)
    {
        var root = new Holder(document?.DeepClone());
        foreach (var operation in operations)
        {
            var op = (string?)operation["op"] ?? string.Empty;
            var path = (string?)operation["path"] ?? string.Empty;
            switch (op)
            {
                case "add":
                    Add(root, path, operation["value"]?.DeepClone(), op);
                    break;
                case "remove":
                    Remove(root, path, op);
                    break;
                case "replace":
                    Replace(root, path, operation["value"]?.DeepClone());
                    break;
                case "move":
                {
                    var from = (string?)operation["from"] ?? string.Empty;
                    var value = Remove(root, from, op);
                    Add(root, path, value, op);
                    break;
                }

                case "copy":
                {
                    var from = (string?)operation["from"] ?? string.Empty;
                    var (container, key) = Locate(root, from, op);
                    if (!TryGet(container, key, out var value))
                    {
                        throw new JsonPatchException($"copy operation does not apply: doc is missing from path: \"{from}\": missing value", missing: true);
                    }

                    Add(root, path, value?.DeepClone(), op);
                    break;
                }

                case "test":
                    Test(root, path, operation["value"]);
                    break;
                default:
                    throw new JsonPatchException($"Unexpected kind: {op}");
            }
        }

        return root.Value;
    }

    private static void Test(Holder root, string path, JsonNode? expected)
    {
        if (path.Length == 0)
        {
            if (!JsonValues.AreEqual(root.Value, expected))
            {
                throw new JsonPatchException($"testing value {path} failed: test failed", testFailed: true);
            }

            return;
        }

        var (container, key) = Locate(root, path, "test");
        TryGet(container, key, out var actual);
        if (JsonValues.IsNull(actual) ? !JsonValues.IsNull(expected) : !JsonValues.AreEqual(actual, expected))
        {
            throw new JsonPatchException($"testing value {path} failed: test failed", testFailed: true);
        }
    }

    private static void Add(Holder root, string path, JsonNode? value, string op)
    {
        if (path.Length == 0)
        {
            root.Value = value;
            return;
        }

        var (container, key) = Locate(root, path, op);
        switch (container)
        {
            case JsonObject obj:
                obj[key] = value;
                break;
            case JsonArray array:
                var index = key == "-" ? array.Count : Index(key, array.Count + 1, op, path);
                array.Insert(index, value);
                break;
        }
    }

    private static JsonNode? Remove(Holder root, string path, string op)
    {
        var (container, key) = Locate(root, path, op);
        switch (container)
        {
            case JsonObject obj when obj.TryGetPropertyValue(key, out var value):
                obj.Remove(key);
                return value;
            case JsonArray array when key != "-":
                var index = Index(key, array.Count, op, path);
                var item = array[index];
                array.RemoveAt(index);
                return item;
            default:
                throw new JsonPatchException($"{op} operation does not apply: doc is missing path: \"{path}\": missing value", missing: true);
        }
    }

    private static void Replace(Holder root, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            root.Value = value;
            return;
        }

        var (container, key) = Locate(root, path, "replace");
        switch (container)
        {
            case JsonObject obj when obj.ContainsKey(key):
                obj[key] = value;
                break;
            case JsonArray array when key != "-":
                var index = Index(key, array.Count, "replace", path);
                array[index] = value;
                break;
            default:
                throw new JsonPatchException($"replace operation does not apply: doc is missing key: {path}: missing value", missing: true);
        }
    }

    private static bool TryGet(JsonNode container, string key, out JsonNode? value)
    {
        value = null;
        switch (container)
        {
            case JsonObject obj:
                return obj.TryGetPropertyValue(key, out value);
            case JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                value = array[index];
                return true;
            default:
                return false;
        }
    }

    /// <summary>The object or array holding the last token of <paramref name="path"/>, and that token.</summary>
    private static (JsonNode Container, string Key) Locate(Holder root, string path, string op)
    {
        if (!path.StartsWith('/'))
        {
            throw new JsonPatchException($"{op} operation does not apply: doc is missing path: \"{path}\": missing value", missing: true);
        }

        var tokens = path[1..].Split('/').Select(Unescape).ToArray();
        var node = root.Value;
        foreach (var token in tokens[..^1])
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
                    && index < array.Count && index >= -array.Count => array[index < 0 ? index + array.Count : index],
                _ => null,
            };
        }

        return node is JsonObject or JsonArray
            ? (node, tokens[^1])
            : throw new JsonPatchException($"{op} operation does not apply: doc is missing path: \"{path}\": missing value", missing: true);
    }

    private static int Index(string key, int limit, string op, string path)
    {
        if (!int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            throw new JsonPatchException($"{op} operation does not apply: doc is missing path: \"{path}\": invalid index \"{key}\"");
        }

        if (index < 0)
        {
            index += limit;
        }

        return index >= 0 && index < limit
            ? index
            : throw new JsonPatchException($"Unable to access invalid index: {key}: invalid index referenced");
    }

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private sealed class Holder(JsonNode? value)
    {
        public JsonNode? Value { get; set; } = value;
    }
}
