using Velero.Api.V1;
using Velero.Selection.Items;
using Velero.Selection.Namespaces;
using Velero.Selection.Tests.Support;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Items;

public sealed class BackupSelectionTests
{
    private static readonly ClusterNamespace[] Cluster =
    [
        new("default"),
        new("shop", LabelMap("team=web")),
        new("db", LabelMap("team=data")),
        new("kube-system"),
        new("leaving", IsActive: false),
    ];

    private static BackupSelection Select(BackupSpec spec) => BackupSelection.Create(spec, BuiltInDiscovery.Model(), Cluster);

    [Theory]
    [InlineData("pods", null, null, true)]
    [InlineData(null, "pods", null, true)]
    [InlineData(null, null, false, true)]
    [InlineData("", "", null, true)] // empty lists count as unset: no filter at all is the old kind
    [InlineData(null, null, null, true)]
    public void Old_filters_are_used_when_any_is_set_or_none_of_either_kind(string? included, string? excluded, bool? includeCluster, bool expected) =>
        Assert.Equal(expected, BackupSelection.UsesOldResourceFilters(new BackupSpec
        {
            IncludedResources = List(included),
            ExcludedResources = List(excluded),
            IncludeClusterResources = includeCluster,
        }));

    [Fact]
    public void New_filters_alone_are_used_as_new_filters() =>
        Assert.False(BackupSelection.UsesOldResourceFilters(new BackupSpec { ExcludedClusterScopedResources = ["storageclasses"] }));

    public static TheoryData<string, bool, bool, string, string?, bool, string?> ItemCases => new()
    {
        // groupResource, mustInclude, deleting, namespace, labels -> include, reason
        { "pods", false, false, "shop", null, true, null },
        { "pods", false, false, "kube-system", null, false, "namespace is excluded" },
        { "pods", false, false, "shop", "velero.io/exclude-from-backup=true", false, "item has label velero.io/exclude-from-backup=true" },
        { "pods", false, false, "shop", "velero.io/exclude-from-backup=false", true, null },
        { "pods", false, true, "shop", null, false, "it's being deleted" },
        { "secrets", false, false, "shop", null, false, "resource is excluded" },
        { "persistentvolumes", false, false, "", null, true, null }, // related PV of a namespaced backup
        { "storageclasses.storage.k8s.io", false, false, "", null, false, "resource is cluster-scoped and is excluded by cluster filter" },
        { "namespaces", false, false, "", null, true, null },
        // Must-include additional items skip every filter, but never an object being deleted.
        { "pods", true, false, "kube-system", "velero.io/exclude-from-backup=true", true, null },
        { "secrets", true, false, "shop", null, true, null },
        { "pods", true, true, "shop", null, false, "it's being deleted" },
    };

    [Theory]
    [MemberData(nameof(ItemCases))]
    public void Per_item_rules_follow_itemInclusionChecks(
        string groupResource, bool mustInclude, bool deleting, string ns, string? labels, bool include, string? reason)
    {
        var selection = Select(new BackupSpec
        {
            IncludedNamespaces = ["shop", "db"],
            ExcludedResources = ["secrets", "storageclasses"],
        });
        var decision = selection.ShouldIncludeItem(new ItemCandidate(
            groupResource, ns, "x", labels is null ? null : LabelMap(labels), deleting, mustInclude));
        Assert.Equal(include, decision.Include);
        Assert.Equal(reason, decision.Reason);
    }

    [Theory]
    // label selector set, all namespaces: a namespace object comes only with matching labels or collected items.
    [InlineData(null, "team=web", "shop", false, true)]
    [InlineData(null, "team=web", "db", false, false)]
    [InlineData(null, "team=web", "db", true, true)]
    // No selector: the namespace filter decides.
    [InlineData("shop", null, "shop", false, true)]
    [InlineData("shop", null, "db", false, false)]
    [InlineData(null, null, "db", false, true)]
    // Named namespaces plus a selector: the filter still brings it in.
    [InlineData("db", "team=web", "db", false, true)]
    // A terminating namespace is never tracked from the filter alone.
    [InlineData(null, null, "leaving", false, false)]
    public void Namespace_objects_follow_the_nsTracker(string? included, string? selector, string ns, bool holdsItems, bool expected)
    {
        var spec = new BackupSpec { IncludedNamespaces = List(included), LabelSelector = selector is null ? null : Selector(selector) };
        var target = Cluster.Single(n => n.Name == ns);
        Assert.Equal(expected, Select(spec).ShouldBackUpNamespaceObject(target, holdsItems));
    }

    [Fact]
    public void Label_selector_queries_without_selectors_are_one_unfiltered_list() =>
        Assert.Equal([""], Select(new BackupSpec()).LabelSelectorQueries);

    [Fact]
    public void Label_selector_queries_format_the_single_selector() =>
        Assert.Equal(
            ["app=web,tier in (back,front)"],
            Select(new BackupSpec { LabelSelector = Selector("app=web", Expr("tier", "In", "front", "back")) }).LabelSelectorQueries);

    [Fact]
    public void Or_label_selectors_give_one_query_each_without_duplicates()
    {
        var spec = new BackupSpec { OrLabelSelectors = [Selector("app=web"), Selector("app=db"), Selector("app=web")] };
        var selection = Select(spec);
        Assert.Equal(["app=web", "app=db"], selection.LabelSelectorQueries);
        Assert.True(selection.MatchesLabelSelectors(LabelMap("app=db")));
        Assert.False(selection.MatchesLabelSelectors(LabelMap("app=cache")));
    }

    [Fact]
    public void Empty_included_namespaces_mean_all()
    {
        var selection = Select(new BackupSpec { IncludedNamespaces = [] });
        Assert.True(selection.ShouldIncludeNamespace("kube-system"));
        Assert.True(selection.Namespaces.IncludeEverything());
    }

    [Fact]
    public void Cluster_scoped_types_are_listed_once_cluster_wide_and_namespaced_ones_per_namespace()
    {
        var discovery = BuiltInDiscovery.Model();
        var selection = BackupSelection.Create(new BackupSpec { IncludedNamespaces = ["s*"] }, discovery, Cluster);
        Assert.Equal([""], selection.NamespacesToList(discovery.ResourceFor("pv")!));
        Assert.Equal(["shop"], selection.NamespacesToList(discovery.ResourceFor("pods")!));
    }

    [Fact]
    public void ArgoCd_managed_namespaces_are_reported_for_a_warning()
    {
        ClusterNamespace[] cluster = [new("argo-apps", LabelMap("argocd.argoproj.io/managed-by=argocd")), new("plain")];
        var selection = BackupSelection.Create(new BackupSpec(), BuiltInDiscovery.Model(), cluster);
        Assert.Equal(["argo-apps"], selection.ArgoCdManagedNamespaces(cluster));
    }

    [Theory]
    [InlineData(null, null, false, true)] // namespaced backup: CRDs are not listed, so they follow their CRs
    [InlineData(null, "customresourcedefinitions", false, false)]
    [InlineData("customresourcedefinitions", null, false, false)] // listed anyway
    [InlineData(null, null, true, false)] // full backup, includeClusterResources true: listed anyway
    public void Crds_of_backed_up_custom_resources(string? clusterIncludes, string? clusterExcludes, bool includeCluster, bool expected)
    {
        var spec = includeCluster
            ? new BackupSpec { IncludeClusterResources = true }
            : new BackupSpec { IncludedNamespaces = ["shop"], IncludedClusterScopedResources = List(clusterIncludes), ExcludedClusterScopedResources = List(clusterExcludes) };
        Assert.Equal(expected, Select(spec).BacksUpCrdsOfBackedUpTypes);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("pvc", true)]
    public void Excluding_pvcs_is_visible_to_fs_backup(string? excluded, bool expected) =>
        Assert.Equal(expected, Select(new BackupSpec { ExcludedNamespaceScopedResources = List(excluded) }).ExcludesPersistentVolumeClaims);

    [Theory]
    [InlineData("velero.io/skip-from-backup=", true)]
    [InlineData("velero.io/skip-from-backup=true", true)]
    [InlineData("other=1", false)]
    public void Skip_from_backup_annotation_set_by_an_action_drops_the_item(string annotations, bool expected) =>
        Assert.Equal(expected, BackupSelection.IsSkippedByAction(LabelMap(annotations)));
}
