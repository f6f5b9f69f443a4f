using System.Text.Json.Nodes;

namespace Velero.KubeEmulator.Crds;

/// <summary>
/// Drops the fields a structural schema does not declare, as the real server prunes custom resources, and
/// reports them (for fieldValidation=Strict/Warn). x-kubernetes-preserve-unknown-fields keeps unknown fields,
/// x-kubernetes-embedded-resource keeps apiVersion, kind and metadata.
/// </summary>
internal static class SchemaPruner
{
    private static readonly HashSet<string> ObjectMetaFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
        "managedFields",
    };

    /// <summary>Prunes a whole custom resource; returns the unknown field paths it removed.</summary>
    public static List<string> Prune(JsonObject obj, JsonObject schema)
    {
        var unknown = new List<string>();
        foreach (var (key, value) in obj.ToList())
        {
            switch (key)
            {
                case "apiVersion" or "kind":
                    break;
                case "metadata":
                    UnknownMetadata(value, "metadata", unknown);
                    break;
                default:
                    PruneField(obj, key, value, schema, key, unknown);
                    break;
            }
        }

        return unknown;
    }

    /// <summary>Unknown metadata fields of any object (strict decoding of ObjectMeta).</summary>
    public static void UnknownMetadata(JsonNode? metadata, string path, List<string> unknown)
    {
        if (metadata is JsonObject m)
        {
            unknown.AddRange(m.Where(p => !ObjectMetaFields.Contains(p.Key)).Select(p => $"{path}.{p.Key}"));
        }
    }

    private static void PruneField(JsonObject parent, string key, JsonNode? value, JsonObject schema, string path, List<string> unknown)
    {
        var properties = schema["properties"] as JsonObject;
        var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        JsonObject? fieldSchema = properties?[key] as JsonObject;
        if (fieldSchema is null)
        {
            switch (schema["additionalProperties"])
            {
                case JsonObject additional:
                    fieldSchema = additional;
                    break;
                case JsonValue v when v.TryGetValue<bool>(out var allowed) && allowed:
                    return;
            }
        }

        if (fieldSchema is null)
        {
            if (!preserve && !IsEmbedded(schema, key))
            {
                parent.Remove(key);
                unknown.Add(path);
            }

            return;
        }

        Walk(value, fieldSchema, path, unknown);
    }

    private static bool IsEmbedded(JsonObject schema, string key) =>
        schema["x-kubernetes-embedded-resource"]?.GetValue<bool>() == true && key is "apiVersion" or "kind" or "metadata";

    private static void Walk(JsonNode? value, JsonObject schema, string path, List<string> unknown)
    {
        switch (value)
        {
            case JsonObject o:
                var hasStructure = schema["properties"] is JsonObject || schema["additionalProperties"] is not null;
                if (!hasStructure && schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true)
                {
                    return;
                }

                foreach (var (k, v) in o.ToList())
                {
                    PruneField(o, k, v, schema, $"{path}.{k}", unknown);
                }

                break;
            case JsonArray a when schema["items"] is JsonObject items:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], items, $"{path}[{i}]", unknown);
                }

                break;
        }
    }
}
