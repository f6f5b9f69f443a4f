using System.Text.Json.Nodes;

namespace Velero.Restorer.Engine;

/// <summary>
/// The JSON merge patch (RFC 7386) that turns one object into another, as upstream's <c>generatePatch</c> computes it for
/// items that already exist: changed and added keys set, removed keys null, objects compared key by key, anything else
/// (arrays included) replaced whole. Null when the two are equal.
/// </summary>
internal static class MergePatch
{
    public static JsonObject? Create(JsonObject original, JsonObject modified)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(modified);
        var patch = new JsonObject();
        foreach (var (key, value) in modified)
        {
            var before = original[key];
            if (!original.ContainsKey(key))
            {
                patch[key] = value?.DeepClone();
            }
            else if (before is JsonObject o && value is JsonObject m)
            {
                if (Create(o, m) is { } nested)
                {
                    patch[key] = nested;
                }
            }
            else if (!JsonNode.DeepEquals(before, value))
            {
                patch[key] = value?.DeepClone();
            }
        }

        foreach (var (key, _) in original)
        {
            if (!modified.ContainsKey(key))
            {
                patch[key] = null;
            }
        }

        return patch.Count == 0 ? null : patch;
    }
}
