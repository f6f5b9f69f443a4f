using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Json;

namespace Velero.KubeEmulator.Seeding;

/// <summary>
/// Loads a directory of YAML/JSON manifests at start: multi-document files, *List kinds unwrapped, applied in
/// dependency order (CRDs, then namespaces, then the rest). Namespaced objects without a namespace go to default.
/// </summary>
public static class SeedLoader
{
    public static int Load(Cluster cluster, string directory)
    {
        var objects = new List<(string File, JsonObject Obj)>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal))
        {
            foreach (var doc in YamlReader.ReadDocuments(File.ReadAllText(file)).OfType<JsonObject>())
            {
                var kind = Meta.Str(doc, "kind") ?? "";
                if (kind.EndsWith("List", StringComparison.Ordinal) && doc["items"] is JsonArray items)
                {
                    objects.AddRange(items.OfType<JsonObject>().Select(i => (file, (JsonObject)i.DeepClone())));
                }
                else if (kind.Length > 0)
                {
                    objects.Add((file, doc));
                }
            }
        }

        static int Rank(JsonObject o) => Meta.Str(o, "kind") switch { "CustomResourceDefinition" => 0, "Namespace" => 1, _ => 2 };
        var created = 0;
        foreach (var (file, obj) in objects.OrderBy(o => Rank(o.Obj)))
        {
            var apiVersion = Meta.Str(obj, "apiVersion") ?? "";
            var group = apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";
            var version = apiVersion.Contains('/') ? apiVersion[(apiVersion.IndexOf('/') + 1)..] : apiVersion;
            var type = cluster.Registry.FindKind(group, version, Meta.Str(obj, "kind") ?? "")
                ?? throw new InvalidOperationException($"{file}: no matches for kind \"{Meta.Str(obj, "kind")}\" in version \"{apiVersion}\"");
            var ns = type.Namespaced ? (Meta.Namespace(obj) is { Length: > 0 } given ? given : "default") : "";
            try
            {
                cluster.Objects.Create(type, ns, obj, new WriteOptions { FieldManager = "emulator-seed", FieldValidation = "Ignore" });
                created++;
            }
            catch (ApiException e) when (e.Code == 409)
            {
                // Already there (e.g. a namespace also listed by another file).
            }
            catch (ApiException e)
            {
                throw new InvalidOperationException($"{file}: {e.Message}", e);
            }
        }

        return created;
    }
}
