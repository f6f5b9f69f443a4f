using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;

namespace Velero.KubeEmulator.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) over a JsonNode tree.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw ApiException.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }

        var root = new JsonObject { ["doc"] = document };
        foreach (var op in operations)
        {
            var kind = Json.Meta.Str(op, "op") ?? throw Invalid();
            var path = "/doc" + (Json.Meta.Str(op, "path") ?? throw Invalid());
            switch (kind)
            {
                case "add":
                    Add(root, path, op!["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, op!["value"]?.DeepClone());
                    break;
                case "move":
                    var moved = Remove(root, "/doc" + Json.Meta.Str(op, "from"));
                    Add(root, path, moved);
                    break;
                case "copy":
                    Add(root, path, Get(root, "/doc" + Json.Meta.Str(op, "from"))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), op!["value"]))
                    {
                        throw Invalid();
                    }

                    break;
                default:
                    throw Invalid();
            }
        }

        return root["doc"]!;
    }

    /// <summary>
    /// A patch that cannot apply is a 422 with the generic wording of NewGenericServerResponse; kubectl prints
    /// "The request is invalid: the server rejected our request due to an error in our request".
    /// </summary>
    private static ApiException Invalid() => new(422, "Invalid", "the server rejected our request due to an error in our request");

    private static List<string> Split(string path) =>
        [.. path.Split('/')[1..].Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static (JsonNode Parent, string Key) Locate(JsonObject root, string path)
    {
        var parts = Split(path);
        JsonNode node = root;
        foreach (var part in parts[..^1])
        {
            node = Child(node, part) ?? throw Invalid();
        }

        return (node, parts[^1]);
    }

    private static JsonNode? Child(JsonNode node, string key) => node switch
    {
        JsonObject o => o[key],
        JsonArray a when int.TryParse(key, out var i) && i >= 0 && i < a.Count => a[i],
        _ => null,
    };

    private static JsonNode? Get(JsonObject root, string path)
    {
        var (parent, key) = Locate(root, path);
        return Child(parent, key);
    }

    private static void Add(JsonObject root, string path, JsonNode? value)
    {
        var (parent, key) = Locate(root, path);
        switch (parent)
        {
            case JsonObject o:
                o[key] = value;
                break;
            case JsonArray a when key == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(key, out var i) && i >= 0 && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw Invalid();
        }
    }

    private static JsonNode? Remove(JsonObject root, string path)
    {
        var (parent, key) = Locate(root, path);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(key):
                var old = o[key];
                o.Remove(key);
                return old;
            case JsonArray a when int.TryParse(key, out var i) && i >= 0 && i < a.Count:
                var item = a[i];
                a.RemoveAt(i);
                return item;
            default:
                throw Invalid();
        }
    }
}
