using Velero.Api.V1;
using Velero.Selection.Items;
using Velero.Selection.Namespaces;
using Velero.Selection.Resources;
using Velero.Selection.Tests.Support;
using Velero.Selection.Validation;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Manifests;

/// <summary>
/// The selection over the real manifest sets of <c>shared/fixtures/manifests</c>, each applied into its own namespace
/// of a cluster that also has the usual system namespaces. The spec goes through <see cref="BackupValidator"/> first,
/// as in production, so the defaults (namespaces <c>*</c>, auto-excluded snapshot types) are those Velero stores.
/// Expected lists are written from the spec (4.2, 4.3), not computed.
/// </summary>
public sealed class ManifestSelectionTests
{
    private static readonly string[] BoutiqueNames =
    [
        "adservice", "cartservice", "checkoutservice", "currencyservice", "emailservice", "frontend", "paymentservice",
        "productcatalogservice", "recommendationservice", "shippingservice",
    ];

    private static readonly ClusterNamespace[] Cluster =
    [
        new("argocd"), new("boutique"), new("default"), new("kube-node-lease"), new("kube-public"), new("kube-system"), new("velero"),
    ];

    // Parsed once: the Argo CD set alone is 1.9 MB of YAML.
    private static readonly Lazy<ManifestSet> BoutiqueSet = new(() => ManifestSet.Load("microservices-demo"));
    private static readonly Lazy<ManifestSet> ArgoSet = new(() => ManifestSet.Load("argo-cd/install.yaml"));

    private static (List<string> Selected, DiscoveryModel Discovery) Run(BackupSpec spec)
    {
        var boutique = BoutiqueSet.Value;
        var argo = ArgoSet.Value;
        var discovery = BuiltInDiscovery.Model([.. argo.CustomResources()]);
        var objects = boutique.Objects(discovery, "boutique").Concat(argo.Objects(discovery, "argocd")).ToList();
        var validated = new BackupValidator(new BackupServerDefaults(), TimeProvider.System).Validate(
            new Backup { Metadata = new() { Name = "b", NamespaceProperty = "velero" }, Spec = spec },
            new BackupValidationContext
            {
                StorageLocations = [Locations.Bsl("default")],
                Namespaces = Cluster,
                ClusterVersion = new ClusterVersion("v1.31.0", "1", "31"),
            });
        Assert.True(validated.IsValid, string.Join("; ", validated.Errors));
        var selection = BackupSelection.Create(validated.Backup.Spec, discovery, Cluster);
        return ([.. SimulatedCollector.Collect(selection, discovery, objects, Cluster).Order(StringComparer.Ordinal)], discovery);
    }

    [Fact]
    public void Online_boutique_namespace_backup_selects_its_35_objects_and_its_namespace()
    {
        // Spec 4.2/4.3: one namespace, no resource filters -> every namespaced object of that namespace, the Namespace
        // object itself, and no cluster-scoped type (includeClusterResources unset, not all namespaces).
        string[] expected =
        [
            .. BoutiqueNames.Concat(["loadgenerator", "redis-cart"]).Select(n => $"Deployment/boutique/{n}"),
            "Namespace/boutique",
            .. BoutiqueNames.Concat(["frontend-external", "redis-cart"]).Select(n => $"Service/boutique/{n}"),
            .. BoutiqueNames.Concat(["loadgenerator"]).Select(n => $"ServiceAccount/boutique/{n}"),
        ];
        var (selected, _) = Run(new BackupSpec { IncludedNamespaces = ["boutique"] });
        Assert.Equal(expected.Order(StringComparer.Ordinal), selected);
        Assert.Equal(36, selected.Count);
    }

    [Fact]
    public void Argo_cd_namespace_backup_selects_its_50_namespaced_objects_and_none_of_its_cluster_scoped_ones()
    {
        var (selected, _) = Run(new BackupSpec { IncludedNamespaces = ["argocd"] });
        var byKind = selected.GroupBy(k => k[..k.IndexOf('/', StringComparison.Ordinal)]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["ConfigMap"] = 7,
                ["Deployment"] = 6,
                ["Namespace"] = 1,
                ["NetworkPolicy"] = 7,
                ["Role"] = 6,
                ["RoleBinding"] = 6,
                ["Secret"] = 2,
                ["Service"] = 8,
                ["ServiceAccount"] = 7,
                ["StatefulSet"] = 1,
            },
            byKind);
        Assert.All(selected.Where(k => !k.StartsWith("Namespace/", StringComparison.Ordinal)), k => Assert.Contains("/argocd/", k, StringComparison.Ordinal));
    }

    [Fact]
    public void Glob_namespaces_and_or_label_selectors_pick_items_across_both_sets()
    {
        var (selected, _) = Run(new BackupSpec
        {
            IncludedNamespaces = ["bout*", "argo?d"],
            OrLabelSelectors = [Selector("app=redis-cart"), Selector("app.kubernetes.io/name=argocd-redis")],
        });
        Assert.Equal(
            [
                "Deployment/argocd/argocd-redis", "Deployment/boutique/redis-cart", "Namespace/argocd", "Namespace/boutique",
                "NetworkPolicy/argocd/argocd-redis-network-policy", "Role/argocd/argocd-redis", "RoleBinding/argocd/argocd-redis",
                "Service/argocd/argocd-redis", "Service/boutique/redis-cart", "ServiceAccount/argocd/argocd-redis",
            ],
            selected);
    }

    [Fact]
    public void Full_cluster_backup_with_stored_defaults_lists_cluster_scoped_types()
    {
        // A backup without filters uses the old filters (UseOldResourceFilters), its auto-excludes are stored in
        // excludedResources, and includeClusterResources nil with all namespaces means cluster-scoped types are listed.
        var (selected, _) = Run(new BackupSpec());
        Assert.Equal(
            ["CustomResourceDefinition/applications.argoproj.io", "CustomResourceDefinition/applicationsets.argoproj.io", "CustomResourceDefinition/appprojects.argoproj.io"],
            selected.Where(k => k.StartsWith("CustomResourceDefinition/", StringComparison.Ordinal)));
        Assert.Equal(3, selected.Count(k => k.StartsWith("ClusterRole/", StringComparison.Ordinal)));
        Assert.Contains("Namespace/kube-system", selected);
        Assert.Equal(35 + 59 + 7, selected.Count);
    }

    [Fact]
    public void Full_cluster_backup_with_include_cluster_resources_takes_the_crds_and_cluster_rbac()
    {
        var (selected, _) = Run(new BackupSpec { IncludeClusterResources = true });
        Assert.Equal(
            ["CustomResourceDefinition/applications.argoproj.io", "CustomResourceDefinition/applicationsets.argoproj.io", "CustomResourceDefinition/appprojects.argoproj.io"],
            selected.Where(k => k.StartsWith("CustomResourceDefinition/", StringComparison.Ordinal)));
        Assert.Equal(3, selected.Count(k => k.StartsWith("ClusterRole/", StringComparison.Ordinal)));
        Assert.Equal(3, selected.Count(k => k.StartsWith("ClusterRoleBinding/", StringComparison.Ordinal)));
        Assert.Equal(35 + 59 + 7, selected.Count);
    }

    [Fact]
    public void Full_cluster_backup_with_an_old_filter_lists_cluster_scoped_types_in_auto_mode()
    {
        // GlobalIncludesExcludes only asks "all namespaces?" for includeClusterResources nil, so with any old filter set
        // the stored auto-excludes do not matter: CRDs and cluster RBAC are listed (2 Secrets excluded).
        var (selected, _) = Run(new BackupSpec { ExcludedResources = ["secrets"] });
        Assert.Equal(3, selected.Count(k => k.StartsWith("CustomResourceDefinition/", StringComparison.Ordinal)));
        Assert.DoesNotContain(selected, k => k.StartsWith("Secret/", StringComparison.Ordinal));
        Assert.Equal(35 + 59 - 2 + 7, selected.Count);
    }

    [Fact]
    public void An_exclude_labelled_namespace_drops_its_objects_and_turns_off_cluster_scoped_types()
    {
        ClusterNamespace[] cluster = [.. Cluster.Where(n => n.Name != "argocd"), new("argocd", LabelMap("velero.io/exclude-from-backup=true"))];
        var spec = new BackupSpec { IncludeClusterResources = null, ExcludedResources = ["secrets"] };
        var validated = new BackupValidator(new BackupServerDefaults(), TimeProvider.System).Validate(
            new Backup { Metadata = new() { Name = "b", NamespaceProperty = "velero" }, Spec = spec },
            new BackupValidationContext { StorageLocations = [Locations.Bsl("default")], Namespaces = cluster, ClusterVersion = new("v1.31.0", "1", "31") });
        var argo = ArgoSet.Value;
        var discovery = BuiltInDiscovery.Model([.. argo.CustomResources()]);
        var selection = BackupSelection.Create(validated.Backup.Spec, discovery, cluster);
        var selected = SimulatedCollector.Collect(selection, discovery, argo.Objects(discovery, "argocd"), cluster);
        Assert.DoesNotContain(selected, k => k.Contains("argocd", StringComparison.Ordinal));
        Assert.Equal(["Namespace/boutique", "Namespace/default", "Namespace/kube-node-lease", "Namespace/kube-public", "Namespace/kube-system", "Namespace/velero"], selected);
    }
}
