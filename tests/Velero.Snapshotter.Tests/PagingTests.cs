using Velero.Snapshotter.Tests.Support;

namespace Velero.Snapshotter.Tests;

/// <summary>Listing page by page (upstream's <c>--client-page-size</c>) gives the same backup as one page.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task Small_pages_follow_continue_tokens_and_back_up_the_same_items()
    {
        await using var cluster = await Harness.ClusterAsync();
        FailureTests.SeedConfigMaps(cluster, "paged", 40, bytes: 64);

        cluster.Requests.Clear();
        var progress = new RecordingProgress();
        var (pagedResult, paged) = await Backups.RunAsync(cluster, "paged", s => s.IncludedNamespaces = ["paged"], pageSize: 7, progress);
        var configMapLists = cluster.Requests.Entries
            .Where(r => r.Verb == "list" && r.Path.EndsWith("/namespaces/paged/configmaps", StringComparison.Ordinal)).ToList();
        var (_, whole) = await Backups.RunAsync(cluster, "whole", s => s.IncludedNamespaces = ["paged"]);

        // 41 ConfigMaps (with kube-root-ca.crt) in pages of 7: the first, five more each asked with a continue token.
        Assert.Equal(6, configMapLists.Count);
        Assert.All(configMapLists, r => Assert.Contains("limit=7", r.Query, StringComparison.Ordinal));
        Assert.Equal(5, configMapLists.Count(r => r.Query.Contains("continue=", StringComparison.Ordinal)));

        Assert.Equal(whole.DefaultItemPaths.Order(StringComparer.Ordinal), paged.DefaultItemPaths.Order(StringComparer.Ordinal));
        Assert.Equal(43, paged.DefaultItemPaths.Count); // 41 ConfigMaps, the default ServiceAccount, the namespace
        Assert.Equal(43, pagedResult.ItemsBackedUp);
        foreach (var path in whole.DefaultItemPaths)
        {
            Assert.Equal(whole.Entries[path], paged.Entries[path]);
        }

        // Progress is reported while items move and once at the end with the final counts.
        Assert.NotEmpty(progress.Reports);
        Assert.Equal(new Collection.CollectionProgress(43, 43), progress.Reports.Last());
        Assert.All(progress.Reports, p => Assert.True(p.ItemsBackedUp <= p.TotalItems));
    }

    [Fact]
    public async Task A_backup_of_most_namespaces_lists_each_type_once_and_keeps_only_the_listed_namespaces()
    {
        await using var cluster = await Harness.ClusterAsync();
        for (var n = 0; n < 12; n++)
        {
            FailureTests.SeedConfigMaps(cluster, $"team-{n:D2}", 3, bytes: 32);
        }

        cluster.Requests.Clear();
        var (_, contents) = await Backups.RunAsync(cluster, "most", s =>
        {
            s.IncludedNamespaces = ["team-*"];
            s.ExcludedNamespaces = ["team-03"];
        });

        // 11 namespaces of 16: ConfigMaps are listed once across all namespaces, not once per namespace...
        var configMapLists = cluster.Requests.Entries.Where(r => r.Verb == "list" && r.Path.EndsWith("/configmaps", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/api/v1/configmaps"], configMapLists.Select(r => r.Path).Distinct());

        // ...and the backup holds exactly what per-namespace listing gives: nothing of team-03 or the system namespaces.
        var configMaps = contents.DefaultItemPaths.Where(p => p.StartsWith("resources/configmaps/", StringComparison.Ordinal)).ToList();
        Assert.Equal(11 * 4, configMaps.Count); // 3 each plus kube-root-ca.crt
        Assert.DoesNotContain(configMaps, p => p.Contains("/team-03/", StringComparison.Ordinal) || p.Contains("/kube-system/", StringComparison.Ordinal)
            || p.Contains("/default/", StringComparison.Ordinal));
        Assert.DoesNotContain("Skipping item because namespace is excluded", contents.Log, StringComparison.Ordinal);
    }
}
