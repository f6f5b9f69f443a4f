using System.Text.Json.Nodes;

namespace Velero.KubeEmulator.Apply;

/// <summary>One metadata.managedFields entry: who set which fields, by apply or by update.</summary>
internal sealed class ManagedFieldsEntry
{
    public required string Manager { get; init; }
    public required string Operation { get; init; }
    public required string ApiVersion { get; set; }
    public string? Subresource { get; init; }
    public string? Time { get; set; }
    public HashSet<string> Fields { get; set; } = new(StringComparer.Ordinal);

    public bool SameOwner(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && (Subresource ?? "") == (subresource ?? "");

    public static List<ManagedFieldsEntry> Read(JsonObject obj)
    {
        if (obj["metadata"]?["managedFields"] is not JsonArray entries)
        {
            return [];
        }

        return [.. entries.OfType<JsonObject>().Select(e => new ManagedFieldsEntry
        {
            Manager = Json.Meta.Str(e, "manager") ?? "",
            Operation = Json.Meta.Str(e, "operation") ?? "Update",
            ApiVersion = Json.Meta.Str(e, "apiVersion") ?? "",
            Subresource = Json.Meta.Str(e, "subresource"),
            Time = Json.Meta.Str(e, "time"),
            Fields = FieldPaths.FromTree(e["fieldsV1"] as JsonObject),
        })];
    }

    /// <summary>The managedFields of a created object: one Update entry, or none when no field is set.</summary>
    public static void WriteSingle(JsonObject obj, string manager, string apiVersion, string now, JsonObject tree)
    {
        var metadata = Json.Meta.Metadata(obj);
        if (tree.Count == 0)
        {
            metadata.Remove("managedFields");
            return;
        }

        metadata["managedFields"] = new JsonArray(new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = "Update",
            ["apiVersion"] = apiVersion,
            ["time"] = now,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = tree,
        });
    }

    public static void Write(JsonObject obj, List<ManagedFieldsEntry> entries)
    {
        var metadata = Json.Meta.Metadata(obj);
        var kept = entries.Where(e => e.Fields.Count > 0).ToList();
        if (kept.Count == 0)
        {
            metadata.Remove("managedFields");
            return;
        }

        metadata["managedFields"] = new JsonArray([.. kept.Select(e =>
        {
            var node = new JsonObject
            {
                ["manager"] = e.Manager,
                ["operation"] = e.Operation,
                ["apiVersion"] = e.ApiVersion,
                ["time"] = e.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldPaths.ToTree(e.Fields),
            };
            if (!string.IsNullOrEmpty(e.Subresource))
            {
                node["subresource"] = e.Subresource;
            }

            return (JsonNode)node;
        })]);
    }
}
