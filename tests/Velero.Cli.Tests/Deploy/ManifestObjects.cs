using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Velero.Cli.Tests.Deploy;

/// <summary>
/// The objects of a YAML manifest (a stream of documents, as <c>kubectl kustomize</c> prints, or a <c>v1 List</c>,
/// as <c>velero install --dry-run -o yaml</c> prints), keyed <c>Kind namespace/name</c>, each as canonical JSON text
/// so two manifests compare object by object whatever their key order, quoting or document order. Scalars compare
/// as their text. Lists whose order Kubernetes ignores (volumes, volume mounts; env, whose entries here never refer
/// to each other) are sorted by name, so an overlay may add entries with a plain strategic-merge patch.
/// </summary>
internal static class ManifestObjects
{
    private static readonly HashSet<string> ListsByName = ["env", "volumes", "volumeMounts"];

    public static SortedDictionary<string, string> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var objects = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                continue;
            }

            var items = Text(root, "kind") == "List" && root.Children.TryGetValue(new YamlScalarNode("items"), out var list)
                ? ((YamlSequenceNode)list).Children.OfType<YamlMappingNode>()
                : [root];
            foreach (var item in items)
            {
                var json = Canonical(item, null)!;
                var key = $"{Text(item, "kind")} {json["metadata"]?["namespace"]}/{json["metadata"]?["name"]}";
                Assert.True(objects.TryAdd(key, json.ToJsonString(Indented)), $"{key} appears twice");
            }
        }

        return objects;
    }

    /// <summary>The objects other than Secrets, whose contents an overlay cannot hold (the user creates them).</summary>
    public static SortedDictionary<string, string> WithoutSecrets(SortedDictionary<string, string> objects) =>
        new(objects.Where(o => !o.Key.StartsWith("Secret ", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static JsonNode? Canonical(YamlNode node, string? key) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children
            .Select(p => (Key: ((YamlScalarNode)p.Key).Value!, p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value, p.Key)))),
        YamlSequenceNode sequence => new JsonArray([.. Ordered(key, sequence.Children.Select(c => Canonical(c, null)))]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static IEnumerable<JsonNode?> Ordered(string? key, IEnumerable<JsonNode?> items) =>
        key is not null && ListsByName.Contains(key)
            ? items.OrderBy(i => (string?)i?["name"], StringComparer.Ordinal)
            : items;
}
