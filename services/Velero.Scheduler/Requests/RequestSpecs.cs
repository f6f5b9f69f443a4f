using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace Velero.Scheduler.Requests;

/// <summary>
/// Reads a request's <c>spec</c> as the <c>velero.io/v1</c> type it claims to be. Stricter than an API server, which
/// silently prunes unknown fields: a misspelt <c>includeNamespaces</c> in a message would back up the whole cluster, so
/// a field the type does not have refuses the request, naming it.
/// </summary>
internal static class RequestSpecs
{
    public static T Read<T>(JsonElement? spec, string typeName)
        where T : class
    {
        if (spec is not { ValueKind: JsonValueKind.Object } element)
        {
            throw new RequestRefusedException(
                $"spec must be a velero.io/v1 {typeName} object, got {(spec is { } value ? value.ValueKind.ToString().ToLowerInvariant() : "nothing")}");
        }

        var json = element.GetRawText();
        T parsed;
        try
        {
            parsed = KubernetesJson.Deserialize<T>(json)
                     ?? throw new RequestRefusedException($"spec is not a velero.io/v1 {typeName}");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            throw new RequestRefusedException($"spec is not a velero.io/v1 {typeName}: {e.Message}");
        }

        var unknown = new List<string>();
        FindUnknown(JsonNode.Parse(json), JsonNode.Parse(KubernetesJson.Serialize(parsed)), "spec", unknown);
        if (unknown.Count > 0)
        {
            throw new RequestRefusedException($"spec has fields that are not part of a velero.io/v1 {typeName}: {string.Join(", ", unknown)}");
        }

        return parsed;
    }

    /// <summary>Every member of <paramref name="input"/> the typed round trip dropped (a null member drops nothing).</summary>
    private static void FindUnknown(JsonNode? input, JsonNode? output, string path, List<string> unknown)
    {
        switch (input)
        {
            case JsonObject members:
                foreach (var (name, value) in members)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (output is not JsonObject typed || !typed.TryGetPropertyValue(name, out var kept))
                    {
                        unknown.Add($"{path}.{name}");
                        continue;
                    }

                    FindUnknown(value, kept, $"{path}.{name}", unknown);
                }

                break;
            case JsonArray items when output is JsonArray typedItems:
                for (var i = 0; i < Math.Min(items.Count, typedItems.Count); i++)
                {
                    FindUnknown(items[i], typedItems[i], $"{path}[{i}]", unknown);
                }

                break;
        }
    }
}
