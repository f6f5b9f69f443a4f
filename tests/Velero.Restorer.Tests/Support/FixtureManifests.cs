using System.Text.Json.Nodes;
using Velero.ResourceModifiers.Yaml;
using Velero.Testing;
using YamlDotNet.RepresentationModel;

namespace Velero.Restorer.Tests.Support;

/// <summary>Every object of the real manifest sets under the shared fixtures, read in place (never copied into the project).</summary>
public static class FixtureManifests
{
    private static readonly Lazy<IReadOnlyList<(string File, JsonObject Item)>> s_all = new(Load);

    public static IEnumerable<(string File, JsonObject Item)> OfKind(string kind) =>
        s_all.Value.Where(entry => (string?)entry.Item["kind"] == kind).Select(entry => (entry.File, (JsonObject)entry.Item.DeepClone()));

    private static List<(string File, JsonObject Item)> Load()
    {
        var root = Path.Combine(RepositoryPaths.Fixtures, "manifests");
        var items = new List<(string, JsonObject)>();
        foreach (var file in Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(File.ReadAllText(file)));
            }
            catch (YamlDotNet.Core.YamlException)
            {
                continue; // Helm templates and the like are not plain manifests.
            }

            foreach (var document in stream.Documents)
            {
                Collect(Path.GetRelativePath(root, file), YamlJson.ToJson(document.RootNode), items);
            }
        }

        return items;
    }

    private static void Collect(string file, JsonNode? node, List<(string, JsonObject)> items)
    {
        if (node is not JsonObject item || item["kind"] is null)
        {
            return;
        }

        if ((string?)item["kind"] == "List" && item["items"] is JsonArray list)
        {
            foreach (var child in list)
            {
                Collect(file, child?.DeepClone(), items);
            }

            return;
        }

        items.Add((file, item));
    }
}
