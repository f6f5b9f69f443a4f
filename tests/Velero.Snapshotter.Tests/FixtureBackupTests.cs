using System.Text;
using System.Text.Json.Nodes;
using Velero.Snapshotter.Tests.Support;
using Velero.Testing;

namespace Velero.Snapshotter.Tests;

/// <summary>
/// Every manifest set of the shared fixtures, seeded into an emulated cluster and backed up to a filesystem location:
/// the tarball must hold exactly the items the rules of spec section 4 select, each with its preferred-version copy,
/// and the files beside it.
/// </summary>
public sealed class FixtureBackupTests
{
    /// <summary>
    /// The sets, relative to <c>manifests/</c>: each top-level directory, except that the examples collections hold one
    /// independent set per example.
    /// </summary>
    public static TheoryData<string> ManifestSets()
    {
        var root = Path.Combine(RepositoryPaths.Fixtures, "manifests");
        var sets = new List<string>();
        foreach (var top in Directory.GetDirectories(root))
        {
            if (Path.GetFileName(top) == "k8s-examples")
            {
                sets.AddRange(Directory.GetDirectories(top).SelectMany(Directory.GetDirectories).Select(d => Path.GetRelativePath(root, d)));
            }
            else
            {
                sets.Add(Path.GetRelativePath(root, top));
            }
        }

        return [.. sets.Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(ManifestSets))]
    public async Task Full_cluster_backup_holds_every_object_of_the_cluster(string set)
    {
        var (cluster, model) = await SeedAsync(set);
        await using var _ = cluster;
        var contents = await BackUpAsync(cluster, Name("full", set), null);
        AssertItems(model.ExpectedPaths(null), contents);
    }

    [Theory]
    [MemberData(nameof(ManifestSets))]
    public async Task Namespace_backup_holds_its_namespace_and_related_cluster_items_only(string set)
    {
        var (cluster, model) = await SeedAsync(set);
        await using var _ = cluster;
        var ns = BusiestNamespace(model);
        var contents = await BackUpAsync(cluster, Name("ns", set), s => s.IncludedNamespaces = [ns]);
        var expected = model.ExpectedPaths([ns]);
        Assert.Contains($"resources/namespaces/cluster/{ns}.json", expected);
        Assert.Contains($"resources/serviceaccounts/namespaces/{ns}/default.json", expected);
        AssertItems(expected, contents);
    }

    [Theory]
    [MemberData(nameof(ManifestSets))]
    public async Task Label_selector_backup_holds_matching_items_and_their_related_items(string set)
    {
        var (cluster, model) = await SeedAsync(set);
        await using var _ = cluster;
        var ns = BusiestNamespace(model);
        var label = model.Objects.Where(o => o.Namespace == ns && o.Body["metadata"]?["labels"] is JsonObject)
            .SelectMany(o => o.Labels).GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
        (string, string)? selector = label.Key is null ? null : (label.Key, label.Value);
        var contents = await BackUpAsync(cluster, Name("label", set), s =>
        {
            s.IncludedNamespaces = [ns];
            if (selector is { } sel)
            {
                s.LabelSelector = new k8s.Models.V1LabelSelector { MatchLabels = new Dictionary<string, string> { [sel.Item1] = sel.Item2 } };
            }
        });
        var expected = model.ExpectedPaths([ns], selector);
        if (selector is not null)
        {
            Assert.True(expected.Count < model.ExpectedPaths([ns]).Count, "the selector should leave some items out");
        }

        AssertItems(expected, contents);
    }

    private static async Task<(KubeEmulator.KubeEmulator, ClusterModel)> SeedAsync(string set)
    {
        var directory = Path.Combine(RepositoryPaths.Fixtures, "manifests", set);
        var cluster = await Harness.ClusterAsync();
        var seeded = ManifestSeeder.Seed(cluster, directory);
        // A set made only of custom resources without their CRDs (kueue-intro) seeds nothing: its backups then hold
        // what every cluster has.
        var model = ClusterModel.Build(seeded, (apiVersion, kind) =>
        {
            var slash = apiVersion.IndexOf('/');
            var type = cluster.Cluster.Registry.FindKind(slash < 0 ? "" : apiVersion[..slash], apiVersion[(slash + 1)..], kind)
                ?? throw new InvalidOperationException($"unknown kind {apiVersion} {kind}");
            return (type.Group.Length == 0 ? type.Plural : $"{type.Plural}.{type.Group}", type.Namespaced);
        });
        return (cluster, model);
    }

    private static string Name(string kind, string set) => $"{kind}-{set.Replace('/', '-')}".ToLowerInvariant();

    // The namespace the set puts most of its objects in, system namespaces aside unless nothing else has any.
    private static string BusiestNamespace(ClusterModel model) =>
        model.Objects.Where(o => o.Namespace is not null && o.Name != "default" && o.Name != "kube-root-ca.crt")
            .GroupBy(o => o.Namespace!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? "default";

    private static async Task<BackupContents> BackUpAsync(KubeEmulator.KubeEmulator cluster, string name, Action<Velero.Api.V1.BackupSpec>? spec)
    {
        using var directory = new TempDirectory();
        using var location = Harness.FileSystemLocation(directory);
        using var client = Harness.Client(cluster);
        var result = await Harness.RunAsync(Harness.Collector(), client, location, Harness.Backup(name, spec));
        var contents = await BackupContents.ReadAsync(location, name);
        Assert.Equal("Completed", result.Phase);
        Assert.Equal(0, result.Errors);
        Assert.True(result.TarballBytes > 0);
        return contents;
    }

    internal static void AssertItems(IReadOnlySet<string> expected, BackupContents contents)
    {
        var actual = contents.DefaultItemPaths;
        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"missing {missing.Count}: {string.Join(", ", missing.Take(30))}\nunexpected {extra.Count}: {string.Join(", ", extra.Take(30))}");

        Assert.Equal("1.1.0\n", Encoding.UTF8.GetString(contents.Entries["metadata/version"]));

        // Every item again under its preferred version (the version it was read in), byte for byte.
        var copies = contents.Entries.Keys.Where(k => k.Contains("-preferredversion/", StringComparison.Ordinal)).ToList();
        Assert.Equal(actual.Count, copies.Count);
        foreach (var path in actual)
        {
            var item = JsonNode.Parse(contents.Entries[path])!;
            var apiVersion = (string)item["apiVersion"]!;
            var version = apiVersion[(apiVersion.IndexOf('/') + 1)..];
            var parts = path.Split('/');
            var copy = string.Join('/', [parts[0], parts[1], version + "-preferredversion", .. parts[2..]]);
            Assert.True(contents.Entries.TryGetValue(copy, out var copied), $"no preferred-version copy {copy}");
            Assert.Equal(contents.Entries[path], copied);
            Assert.Equal(parts[^1], (string)item["metadata"]!["name"]! + ".json");
        }

        // The files of spec 1.2, velero-backup.json among them with the final status.
        var backup = (string)contents.Metadata["metadata"]!["name"]!;
        Assert.Equal(
            new[] { "-itemoperations.json.gz", "-logs.gz", "-podvolumebackups.json.gz", "-resource-list.json.gz", "-results.gz",
                "-volumeinfo.json.gz", "-volumesnapshots.json.gz", ".tar.gz" }.Select(s => $"backups/{backup}/{backup}{s}")
                .Append($"backups/{backup}/velero-backup.json").Order(StringComparer.Ordinal),
            contents.Keys.Order(StringComparer.Ordinal));
        var status = contents.Metadata["status"]!;
        Assert.Equal("Completed", (string?)status["phase"]);
        Assert.Equal("1.1.0", (string?)status["formatVersion"]);
        Assert.Equal(1, (int?)status["version"]);
        Assert.Equal(actual.Count, (int?)status["progress"]!["itemsBackedUp"]);
        Assert.Equal(actual.Count, (int?)status["progress"]!["totalItems"]);
        Assert.NotNull(status["completionTimestamp"]);
        Assert.NotNull(status["expiration"]);

        // The resource list names every item once, under <apiVersion>/<Kind>, sorted.
        var listed = contents.ResourceList.SelectMany(p => ((JsonArray)p.Value!).Select(v => (string)v!)).ToList();
        Assert.Equal(actual.Count, listed.Count);
        foreach (var (key, value) in contents.ResourceList)
        {
            var names = ((JsonArray)value!).Select(v => (string)v!).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            Assert.Matches("^([a-z0-9.-]+/)?v[0-9a-z]+/[A-Z][A-Za-z0-9]*$", key);
        }

        Assert.Null(contents.Results!["errors"]!["namespaces"]);
        Assert.Null(contents.Results!["errors"]!["velero"]);
        Assert.Contains("level=info", contents.Log, StringComparison.Ordinal);
    }
}
