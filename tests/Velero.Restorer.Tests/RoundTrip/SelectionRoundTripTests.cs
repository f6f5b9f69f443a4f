using k8s.Models;
using Velero.Api.V1;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.RoundTrip;

/// <summary>
/// A restore's spec selects what comes back (spec 5.3 step 1): namespaces by their original name, resources, label
/// selectors, and cluster-scoped items by <c>includeClusterResources</c> (nil: only when every namespace is included).
/// </summary>
public sealed class SelectionRoundTripTests
{
    public static TheoryData<string> Cases() =>
    [
        "include-namespace", "exclude-namespace", "include-resources", "exclude-resources", "label-selector", "or-label-selectors",
        "cluster-resources-false", "cluster-resources-nil-with-namespaces", "cluster-resources-true-with-namespaces",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Restore_brings_back_exactly_what_its_spec_selects(string selection)
    {
        var (configure, byCase) = Case(selection);
        await using var clusters = await RoundTripClusters.StartAsync();
        await SampleCluster.SeedAsync(clusters.Source, clusters.SourceClient);
        var roundTrip = await clusters.RunAsync(selection, configure);

        // A custom resource comes back only with its CRD (otherwise its type is unknown to the target).
        var crd = new ObjectKey("customresourcedefinitions.apiextensions.k8s.io", null, "crontabs.stable.example.com");
        bool selected(ObjectKey k, System.Text.Json.Nodes.JsonObject o) =>
            byCase(k, o) && (k.GroupResource != "crontabs.stable.example.com" || byCase(crd, roundTrip.Original[crd]!));

        roundTrip.AssertCompleted();
        roundTrip.AssertRestored(new RoundTripExpectation { Selected = selected });
        var unexpected = roundTrip.Original.Objects
            .Where(p => !selected(p.Key, p.Value) && roundTrip.Before[p.Key] is null && p.Key.Name is not ("default" or "kube-root-ca.crt"))
            .Where(p => roundTrip.After[p.Key] is not null && p.Key.GroupResource != "namespaces")
            .Select(p => p.Key.ToString()).ToList();
        Assert.True(unexpected.Count == 0, $"restored though not selected: {string.Join(", ", unexpected)}");
        Assert.True(roundTrip.Outcome.TotalItems > 0);
    }

    private static (Action<RestoreSpec>, Func<ObjectKey, System.Text.Json.Nodes.JsonObject, bool>) Case(string selection)
    {
        static string? Label(System.Text.Json.Nodes.JsonObject o, string key) => (string?)o["metadata"]?["labels"]?[key];
        return selection switch
        {
            // Cluster-scoped items come back only with every namespace (nil includeClusterResources).
            "include-namespace" => (s => s.IncludedNamespaces = ["shop"], (k, _) => k.Namespace == "shop" || k is { GroupResource: "namespaces", Name: "shop" }),
            // Excluding a namespace is not "every namespace": cluster-scoped items stay out (nil includeClusterResources).
            "exclude-namespace" => (s => s.ExcludedNamespaces = ["shop"],
                (k, _) => k.Namespace is null ? k is { GroupResource: "namespaces" } && k.Name != "shop" : k.Namespace != "shop"),
            "include-resources" => (s => s.IncludedResources = ["configmaps", "deployments", "persistentvolumes"],
                (k, _) => k.GroupResource is "configmaps" or "deployments.apps" or "persistentvolumes"),
            "exclude-resources" => (s => s.ExcludedResources = ["secrets", "services", "clusterroles"],
                (k, _) => k.GroupResource is not ("secrets" or "services" or "clusterroles.rbac.authorization.k8s.io")),
            "label-selector" => (s => s.LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["tier"] = "web" } },
                (_, o) => Label(o, "tier") == "web"),
            "or-label-selectors" => (s => s.OrLabelSelectors =
                [
                    new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["tier"] = "data" } },
                    new V1LabelSelector { MatchExpressions = [new V1LabelSelectorRequirement { Key = "app", OperatorProperty = "In", Values = ["blog"] }] },
                ],
                (_, o) => Label(o, "tier") == "data" || Label(o, "app") == "blog"),
            "cluster-resources-false" => (s => s.IncludeClusterResources = false, (k, _) => k.Namespace is not null),
            "cluster-resources-nil-with-namespaces" => (s => s.IncludedNamespaces = ["blog"],
                (k, _) => k.Namespace == "blog" || k is { GroupResource: "namespaces", Name: "blog" }),
            "cluster-resources-true-with-namespaces" => (s => { s.IncludedNamespaces = ["blog"]; s.IncludeClusterResources = true; },
                (k, _) => k.Namespace is null ? k.GroupResource != "namespaces" || k.Name == "blog" : k.Namespace == "blog"),
            _ => throw new ArgumentOutOfRangeException(nameof(selection)),
        };
    }
}
