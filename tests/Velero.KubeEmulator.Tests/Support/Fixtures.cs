using System.Text.Json.Nodes;
using Velero.KubeEmulator.Json;

namespace Velero.KubeEmulator.Tests.Support;

/// <summary>The shared fixtures, read in place from ../shared/fixtures next to the repository.</summary>
public static class Fixtures
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Root => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures"));

    public static string Manifests => Path.Combine(Root, "manifests");

    public static string Crds => Path.Combine(Root, "crds");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Velero.Services.sln")) || Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The objects of a file or folder as kubectl reads them: every document, *List kinds unwrapped.</summary>
    public static List<JsonObject> Objects(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.yaml").Concat(Directory.EnumerateFiles(path, "*.yml")).Concat(Directory.EnumerateFiles(path, "*.json")).Order(StringComparer.Ordinal)
            : new[] { path }.AsEnumerable();
        var result = new List<JsonObject>();
        foreach (var file in files)
        {
            foreach (var doc in YamlReader.ReadDocuments(File.ReadAllText(file)).OfType<JsonObject>())
            {
                var kind = Meta.Str(doc, "kind") ?? "";
                if (kind.EndsWith("List", StringComparison.Ordinal) && doc["items"] is JsonArray items)
                {
                    result.AddRange(items.OfType<JsonObject>());
                }
                else if (kind.Length > 0)
                {
                    result.Add(doc);
                }
            }
        }

        return result;
    }

    /// <summary>"deployment.apps/name", as kubectl names an object in its output.</summary>
    public static string KubectlName(JsonObject obj)
    {
        var apiVersion = Meta.Str(obj, "apiVersion") ?? "";
        var group = apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";
        var kind = (Meta.Str(obj, "kind") ?? "").ToLowerInvariant();
        return (group.Length == 0 ? kind : $"{kind}.{group}") + "/" + Meta.Name(obj);
    }

    /// <summary>
    /// Whether client-side apply must fail for this object: kubectl stores the whole object as JSON in the
    /// last-applied annotation, and all annotations together may hold at most 256 KiB (262144 bytes).
    /// </summary>
    public static bool TooLargeForClientSideApply(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        var size = Meta.Serialize(copy).Length + "kubectl.kubernetes.io/last-applied-configuration".Length + 1;
        return size > 262_144;
    }
}
