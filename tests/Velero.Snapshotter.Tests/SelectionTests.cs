using k8s.Models;
using Velero.Snapshotter.Tests.Support;

namespace Velero.Snapshotter.Tests;

/// <summary>How the spec's ordering and label selectors shape what is listed (spec 4.3, 4.4).</summary>
public sealed class SelectionTests
{
    [Fact]
    public async Task Ordered_resources_are_written_first_and_in_the_given_order()
    {
        await using var cluster = await Harness.ClusterAsync();
        FailureTests.SeedConfigMaps(cluster, "ord", 30, bytes: 64);
        var (_, contents) = await Backups.RunAsync(cluster, "ordered", s =>
        {
            s.IncludedNamespaces = ["ord"];
            s.OrderedResources = new Dictionary<string, string> { ["configmaps"] = "ord/cm-00020,ord/cm-00003,ord/missing,ord/cm-00011" };
        });

        // The tar holds entries in the order they were written; the ordered ones lead the type, in the given order.
        var configMaps = contents.Entries.Keys
            .Where(k => k.StartsWith("resources/configmaps/namespaces/ord/", StringComparison.Ordinal))
            .Select(k => k.Split('/')[^1]).ToList();
        Assert.Equal(["cm-00020.json", "cm-00003.json", "cm-00011.json"], configMaps.Take(3));
        Assert.Equal(31, configMaps.Count);
    }

    [Fact]
    public async Task Items_found_by_several_or_label_selectors_are_backed_up_once()
    {
        await using var cluster = await Harness.ClusterAsync();
        FailureTests.SeedConfigMaps(cluster, "either", 30, bytes: 64); // labels batch=0,1,2 in turn
        var (result, contents) = await Backups.RunAsync(cluster, "either", s =>
        {
            s.IncludedNamespaces = ["either"];
            s.OrLabelSelectors =
            [
                new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["batch"] = "0" } },
                new V1LabelSelector { MatchExpressions = [new V1LabelSelectorRequirement { Key = "batch", OperatorProperty = "In", Values = ["0", "1"] }] },
            ];
        });

        var configMaps = contents.DefaultItemPaths.Where(p => p.StartsWith("resources/configmaps/", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, configMaps.Count);
        Assert.Equal(21, result.ItemsBackedUp); // and the namespace, which holds items
        Assert.Contains("resources/namespaces/cluster/either.json", contents.DefaultItemPaths);
    }

    [Fact]
    public async Task The_include_exclude_policy_of_the_resource_policy_config_map_shapes_what_is_listed()
    {
        await using var cluster = await Harness.ClusterAsync();
        FailureTests.SeedConfigMaps(cluster, "policed", 5, bytes: 64);
        ManifestSeeder.SeedYaml(cluster, """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: velero
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: no-configmaps
              namespace: velero
            data:
              policy.yaml: |
                version: v1
                includeExcludePolicy:
                  excludedNamespaceScopedResources:
                  - configmaps
            """);

        var (_, contents) = await Backups.RunAsync(cluster, "policed", s =>
        {
            s.IncludedNamespaces = ["policed"];
            s.ExcludedClusterScopedResources = ["persistentvolumes"]; // new filters: the policy combines with them
            s.ResourcePolicy = new V1TypedLocalObjectReference { Kind = "configmap", Name = "no-configmaps" };
        });

        Assert.DoesNotContain(contents.DefaultItemPaths, p => p.StartsWith("resources/configmaps/", StringComparison.Ordinal));
        Assert.Contains("resources/serviceaccounts/namespaces/policed/default.json", contents.DefaultItemPaths);
    }

    [Fact]
    public async Task A_resource_policy_config_map_gone_since_validation_fails_the_backup_with_the_reason()
    {
        await using var cluster = await Harness.ClusterAsync();
        FailureTests.SeedConfigMaps(cluster, "orphan", 2, bytes: 64);

        var failure = await Assert.ThrowsAsync<Collection.BackupCollectionException>(() => Backups.RunAsync(cluster, "orphan", s =>
        {
            s.IncludedNamespaces = ["orphan"];
            s.ResourcePolicy = new V1TypedLocalObjectReference { Kind = "configmap", Name = "gone" };
        }));

        Assert.Equal("error getting cluster resources: resource policy ConfigMap velero/gone not found", failure.Message);
    }
}
