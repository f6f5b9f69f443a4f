using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Small readers over the unstructured items the actions get. Upstream converts each item to its Go type and back; here
/// the JSON is changed in place, so only the fields an action touches change and everything else reaches the API server
/// exactly as it was backed up.
/// </summary>
internal static class ItemFields
{
    /// <summary>The node at <paramref name="path"/>, or null when any step is missing or not an object.</summary>
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var step in path)
        {
            node = node is JsonObject obj ? obj[step] : null;
        }

        return node;
    }

    /// <summary>The string at <paramref name="path"/>, or null when it is missing or not a string.</summary>
    public static string? String(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string? Namespace(JsonObject item) => String(item, "metadata", "namespace");

    public static string? Name(JsonObject item) => String(item, "metadata", "name");

    public static string? Kind(JsonObject item) => String(item, "kind");

    /// <summary>Removes the elements of an array that <paramref name="drop"/> selects; an array left empty goes, as Go's omitempty drops a nil slice.</summary>
    public static void RemoveWhere(JsonObject parent, string key, Func<JsonNode?, bool> drop)
    {
        if (parent[key] is not JsonArray array)
        {
            return;
        }

        for (var i = array.Count - 1; i >= 0; i--)
        {
            if (drop(array[i]))
            {
                array.RemoveAt(i);
            }
        }

        if (array.Count == 0)
        {
            parent.Remove(key);
        }
    }
}
