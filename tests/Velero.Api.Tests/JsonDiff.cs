using System.Text.Json.Nodes;

namespace Velero.Api.Tests;

/// <summary>Paths at which two JSON trees differ, for failure messages that say where, not just that.</summary>
internal static class JsonDiff
{
    public static IReadOnlyList<string> Paths(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Walk(expected, actual, "$", differences);
        return differences;
    }

    private static void Walk(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (a.TryGetPropertyValue(key, out var other))
                    {
                        Walk(value, other, $"{path}.{key}", differences);
                    }
                    else
                    {
                        differences.Add($"lost   {path}.{key} = {value?.ToJsonString()}");
                    }
                }

                differences.AddRange(a.Where(p => !e.ContainsKey(p.Key)).Select(p => $"added  {path}.{p.Key} = {p.Value?.ToJsonString()}"));
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    Walk(e[i], a[i], $"{path}[{i}]", differences);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add($"changed {path}: {expected?.ToJsonString()} -> {actual?.ToJsonString()}");
                }

                break;
        }
    }
}
