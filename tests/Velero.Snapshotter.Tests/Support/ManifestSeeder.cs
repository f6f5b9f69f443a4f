using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Engine;

namespace Velero.Snapshotter.Tests.Support;

/// <summary>
/// Loads a manifest set into an emulated cluster as <c>kubectl apply</c> would in dependency order (CRDs, namespaces,
/// the rest), reading the fixtures in place. Objects of kinds the cluster does not serve (custom resources whose CRD
/// is not part of the example) are left out, as they would be refused, and are not expected in backups either.
/// </summary>
public static class ManifestSeeder
{
    public static IReadOnlyList<JsonObject> Seed(KubeEmulator.KubeEmulator emulator, string directory) =>
        Seed(emulator, ClusterModel.ReadManifests(directory));

    /// <summary>Objects written in the test itself, as YAML documents.</summary>
    public static IReadOnlyList<JsonObject> SeedYaml(KubeEmulator.KubeEmulator emulator, string yaml) =>
        Seed(emulator, ClusterModel.ReadDocuments(new StringReader(yaml)).ToList());

    public static IReadOnlyList<JsonObject> Seed(KubeEmulator.KubeEmulator emulator, IEnumerable<JsonObject> objects)
    {
        static int Rank(JsonObject o) => (string?)o["kind"] switch { "CustomResourceDefinition" => 0, "Namespace" => 1, _ => 2 };
        var seeded = new List<JsonObject>();
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
                seeded.Add(obj);
            }
            catch (ApiException e) when (e.Message.Contains("already exists", StringComparison.Ordinal))
            {
                // The first of duplicates wins, as with kubectl create.
            }
            catch (ApiException e) when (e.Message.StartsWith("namespaces \"", StringComparison.Ordinal) && e.Message.EndsWith("not found", StringComparison.Ordinal))
            {
                // An example that expects its namespace to exist already: refused, as a real cluster would.
            }
        }

        return seeded;
    }
}
