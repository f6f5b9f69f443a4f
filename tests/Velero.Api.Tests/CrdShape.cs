using System.Text.Json.Nodes;

namespace Velero.Api.Tests;

/// <summary>
/// What a CRD promises to clients, flattened for comparison: one line per resource-level fact (group, scope, names,
/// versions, subresources, printer columns) and one line per schema path with every keyword but descriptions.
/// Paths read <c>.spec.hooks.resources[].name</c>; <c>{}</c> stands for a map's values.
/// </summary>
internal static class CrdShape
{
    private static readonly HashSet<string> Structural = ["description", "properties", "items", "additionalProperties"];

    public static SortedDictionary<string, string> Of(JsonObject crd)
    {
        var shape = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var spec = crd["spec"]!.AsObject();
        shape["metadata.name"] = Text(crd["metadata"]?["name"]);
        shape["group"] = Text(spec["group"]);
        shape["scope"] = Text(spec["scope"]);
        foreach (var name in new[] { "kind", "listKind", "plural", "singular", "shortNames", "categories" })
        {
            shape[$"names.{name}"] = Text(spec["names"]?[name]);
        }

        foreach (var version in spec["versions"]!.AsArray().Select(v => v!.AsObject()))
        {
            var prefix = $"versions[{Text(version["name"])}]";
            shape[$"{prefix}.served"] = Text(version["served"]);
            shape[$"{prefix}.storage"] = Text(version["storage"]);
            shape[$"{prefix}.deprecated"] = Text(version["deprecated"]);
            shape[$"{prefix}.subresources"] = Text(version["subresources"]);
            var columns = version["additionalPrinterColumns"]?.AsArray() ?? [];
            shape[$"{prefix}.additionalPrinterColumns.count"] = columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i]!;
                shape[$"{prefix}.additionalPrinterColumns[{i}]"] = string.Join(" ",
                    new[] { "name", "type", "jsonPath", "format", "priority" }.Select(k => $"{k}={Text(column[k])}"));
            }

            Walk(version["schema"]!["openAPIV3Schema"]!.AsObject(), $"{prefix}:", shape);
        }

        return shape;
    }

    /// <summary>Human-readable differences, empty when the shapes agree.</summary>
    public static IReadOnlyList<string> Differences(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        var differences = new List<string>();
        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out var actualValue))
            {
                differences.Add($"missing  {key}  upstream: {value}");
            }
            else if (actualValue != value)
            {
                differences.Add($"differs  {key}  upstream: {value}  generated: {actualValue}");
            }
        }

        differences.AddRange(actual.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"extra    {k}  generated: {actual[k]}"));
        return differences;
    }

    private static void Walk(JsonObject schema, string path, SortedDictionary<string, string> shape)
    {
        shape[path] = string.Join(", ", schema
            .Where(p => !Structural.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={Text(p.Value)}"));

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                Walk(child!.AsObject(), $"{path}.{name}", shape);
            }
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(items, $"{path}[]", shape);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            Walk(values, $"{path}{{}}", shape);
        }
        else if (schema["additionalProperties"] is { } additional)
        {
            shape[$"{path}{{}}"] = Text(additional);
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "<none>",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
