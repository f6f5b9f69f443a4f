using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Engine;
using YamlDotNet.RepresentationModel;

namespace Velero.Restorer.Tests.Support;

/// <summary>
/// Loads manifests into an emulated cluster as a forgiving <c>kubectl apply</c> of a whole directory would: CRDs, then
/// namespaces, then the rest, read from the fixtures in place. What a real cluster would refuse (kinds it does not
/// serve, a namespace the set never creates, an invalid object) is left out; the first of duplicates wins.
/// </summary>
public static partial class ManifestSeeder
{
    public static int SeedDirectory(KubeEmulator.KubeEmulator emulator, string directory) =>
        Seed(emulator, Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => ReadDocuments(File.ReadAllText(f))));

    /// <summary>Objects straight into the emulator's store (no HTTP), as the emulator's own seeding does.</summary>
    public static int Seed(KubeEmulator.KubeEmulator emulator, IEnumerable<JsonObject> objects)
    {
        static int Rank(JsonObject o) => (string?)o["kind"] switch { "CustomResourceDefinition" => 0, "Namespace" => 1, _ => 2 };
        var created = 0;
        foreach (var obj in objects.OrderBy(Rank))
        {
            var apiVersion = (string?)obj["apiVersion"] ?? "";
            var slash = apiVersion.IndexOf('/');
            var type = emulator.Cluster.Registry.FindKind(slash < 0 ? "" : apiVersion[..slash], apiVersion[(slash + 1)..], (string?)obj["kind"] ?? "");
            if (type is null)
            {
                continue;
            }

            var ns = type.Namespaced ? (string?)obj["metadata"]?["namespace"] is { Length: > 0 } given ? given : "default" : "";
            try
            {
                emulator.Cluster.Objects.Create(type, ns, (JsonObject)obj.DeepClone(), new WriteOptions { FieldManager = "test-seed", FieldValidation = "Ignore" });
                created++;
            }
            catch (ApiException)
            {
                // Refused as a real cluster would refuse it (duplicate, missing namespace, invalid): not part of the cluster.
            }
        }

        return created;
    }

    /// <summary>The objects of a multi-document YAML (or JSON) text, <c>*List</c> kinds unwrapped.</summary>
    public static IEnumerable<JsonObject> ReadDocuments(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        foreach (var document in stream.Documents)
        {
            if (ToJson(document.RootNode) is not JsonObject obj || (string?)obj["kind"] is not { Length: > 0 } kind)
            {
                continue;
            }

            if (kind.EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    yield return (JsonObject)item.DeepClone();
                }
            }
            else
            {
                yield return obj;
            }
        }
    }

    // YAML 1.2 core schema for unquoted scalars: booleans and numbers are typed, everything else is a string.
    private static JsonValue PlainScalar(string value) => value switch
    {
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        _ when FloatPattern().IsMatch(value) => JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value),
    };

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Value: null or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => PlainScalar(scalar.Value!),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
