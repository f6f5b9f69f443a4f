using System.Text.Json.Nodes;

namespace Velero.Snapshotter.Collection;

/// <summary>The metadata of a raw item the selection rules and the tarball need.</summary>
internal sealed record ItemFacts(
    string? Namespace,
    string Name,
    IReadOnlyDictionary<string, string>? Labels,
    IReadOnlyDictionary<string, string>? Annotations,
    bool BeingDeleted)
{
    public static ItemFacts Of(JsonObject item)
    {
        var metadata = item["metadata"] as JsonObject;
        var ns = (string?)metadata?["namespace"];
        return new ItemFacts(
            string.IsNullOrEmpty(ns) ? null : ns,
            (string?)metadata?["name"] ?? "",
            Map(metadata?["labels"]),
            Map(metadata?["annotations"]),
            metadata?["deletionTimestamp"] is JsonValue);
    }

    private static Dictionary<string, string>? Map(JsonNode? node) =>
        node is JsonObject map
            ? map.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => Text((JsonValue)p.Value!), StringComparer.Ordinal)
            : null;

    private static string Text(JsonValue value) => value.TryGetValue<string>(out var text) ? text : value.ToJsonString();
}
