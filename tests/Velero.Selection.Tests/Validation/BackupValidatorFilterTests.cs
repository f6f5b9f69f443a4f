using k8s.Models;
using Velero.Api.V1;
using Velero.Selection.Namespaces;
using Velero.Selection.Resources;
using Velero.Selection.Tests.Support;
using Velero.Selection.Validation;
using static Velero.Selection.Tests.Support.Locations;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Validation;

/// <summary>The filter, namespace, selector and resource policy checks of <c>prepareBackupRequest</c>.</summary>
public sealed class BackupValidatorFilterTests
{
    private const string VS = AutoExcludedResources.VolumeSnapshots;
    private const string VSC = AutoExcludedResources.VolumeSnapshotContents;

    private static BackupValidationResult Validate(BackupSpec spec, ClusterNamespace[]? namespaces = null, V1ConfigMap? policy = null) =>
        new BackupValidator(new BackupServerDefaults(), new FixedTimeProvider(DateTimeOffset.UnixEpoch)).Validate(
            Backup(spec),
            new BackupValidationContext
            {
                StorageLocations = [Bsl("default")],
                Namespaces = namespaces ?? [new("default"), new("shop")],
                ClusterVersion = new ClusterVersion("v1.31.0", "1", "31"),
                ResourcePolicyConfigMap = policy,
            });

    public static TheoryData<BackupSpec, string[]> ErrorCases => new()
    {
        { new BackupSpec { IncludedResources = ["pods"], IncludedClusterScopedResources = ["storageclasses"] }, [BackupValidator.MixedFiltersError] },
        { new BackupSpec { IncludeClusterResources = false, ExcludedNamespaceScopedResources = ["secrets"] }, [BackupValidator.MixedFiltersError] },
        { new BackupSpec { IncludedResources = ["*", "pods"] }, ["Invalid included/excluded resource lists: includes list must either contain '*' only, or a non-empty list of items"] },
        { new BackupSpec { ExcludedResources = ["*"] }, ["Invalid included/excluded resource lists: excludes list cannot contain '*'"] },
        { new BackupSpec { IncludedResources = ["pods"], ExcludedResources = ["pods"] }, ["Invalid included/excluded resource lists: excludes list cannot contain an item in the includes list: pods"] },
        { new BackupSpec { IncludedClusterScopedResources = ["sc"], ExcludedClusterScopedResources = ["*"] }, ["Invalid cluster-scoped included/excluded resource lists: when exclude is '*', include cannot have value"] },
        { new BackupSpec { IncludedNamespaceScopedResources = ["pods"], ExcludedNamespaceScopedResources = ["pods"] }, ["Invalid namespace-scoped included/excluded resource lists: excludes list cannot contain an item in the includes list: pods"] },
        { new BackupSpec { IncludedNamespaces = ["shop"], ExcludedNamespaces = ["shop"] }, ["Invalid included/excluded namespace lists: excludes list cannot contain an item in the includes list: shop"] },
        { new BackupSpec { IncludedNamespaces = ["*", "shop"] }, ["Invalid included/excluded namespace lists: includes list must either contain '*' only, or a non-empty list of items"] },
        { new BackupSpec { ExcludedNamespaces = ["team-{a,b}"] }, ["Invalid included/excluded namespace lists: wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,"] },
        { new BackupSpec { LabelSelector = Selector("a=b"), OrLabelSelectors = [] }, [BackupValidator.BothSelectorsError] },
        {
            new BackupSpec { IncludedResources = ["pods"], IncludedClusterScopedResources = ["sc"], LabelSelector = Selector("a=b"), OrLabelSelectors = [Selector("c=d")] },
            [BackupValidator.MixedFiltersError, BackupValidator.BothSelectorsError]
        },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Reports_upstream_messages_in_upstream_order(BackupSpec spec, string[] errors) =>
        Assert.Equal(errors, Validate(spec).Errors);

    [Fact]
    public void Old_filters_get_both_auto_excludes_and_lose_includes_that_are_excluded()
    {
        var spec = Validate(new BackupSpec { IncludedResources = ["pods", VS], ExcludedResources = ["secrets"] }).Backup.Spec;
        Assert.Equal(["pods"], spec.IncludedResources);
        Assert.Equal(["secrets", VS, VSC], spec.ExcludedResources);
        Assert.Null(spec.ExcludedClusterScopedResources);
    }

    [Fact]
    public void New_filters_get_the_auto_exclude_of_their_scope_once()
    {
        var spec = Validate(new BackupSpec { ExcludedClusterScopedResources = [VSC], IncludedNamespaceScopedResources = [VS, "pods"] }).Backup.Spec;
        Assert.Equal([VSC], spec.ExcludedClusterScopedResources);
        Assert.Equal(["pods"], spec.IncludedNamespaceScopedResources);
        Assert.Equal([VS], spec.ExcludedNamespaceScopedResources);
    }

    [Fact]
    public void Exclude_labelled_namespaces_are_appended_to_the_excludes()
    {
        ClusterNamespace[] namespaces = [new("default"), new("secret-stuff", LabelMap("velero.io/exclude-from-backup=true")), new("shop")];
        var result = Validate(new BackupSpec { ExcludedNamespaces = ["kube-system"] }, namespaces);
        Assert.True(result.IsValid);
        Assert.Equal(["kube-system", "secret-stuff"], result.Backup.Spec.ExcludedNamespaces);
    }

    [Fact]
    public void Including_an_exclude_labelled_namespace_by_name_fails_validation()
    {
        // The label is appended before the namespace lists are validated, so the overlap check catches it (upstream
        // behaviour, not a choice of ours).
        ClusterNamespace[] namespaces = [new("shop", LabelMap("velero.io/exclude-from-backup=true"))];
        Assert.Equal(
            ["Invalid included/excluded namespace lists: excludes list cannot contain an item in the includes list: shop"],
            Validate(new BackupSpec { IncludedNamespaces = ["shop"] }, namespaces).Errors);
    }

    [Fact]
    public void DefaultVolumesToRestic_true_is_remapped()
    {
        var spec = Validate(new BackupSpec { DefaultVolumesToRestic = true, DefaultVolumesToFsBackup = false }).Backup.Spec;
        Assert.True(spec.DefaultVolumesToFsBackup);
    }

    private static BackupSpec WithPolicy(BackupSpec? spec = null)
    {
        spec ??= new BackupSpec();
        spec.ResourcePolicy = new V1TypedLocalObjectReference { Kind = "ConfigMap", Name = "policies" };
        return spec;
    }

    private static V1ConfigMap PolicyMap(string yaml) => new()
    {
        Metadata = new V1ObjectMeta { Name = "policies", NamespaceProperty = "velero" },
        Data = new Dictionary<string, string> { ["policy.yaml"] = yaml },
    };

    [Fact]
    public void A_missing_policy_configmap_fails() =>
        Assert.Equal(
            ["fail to get ResourcePolicies velero/policies ConfigMap with error configmaps \"policies\" not found"],
            Validate(WithPolicy()).Errors);

    [Fact]
    public void A_valid_include_exclude_policy_is_returned()
    {
        // Upstream checks for old filters after adding the auto-excludes, which a backup without filters gets as old
        // excludes: an include-exclude policy therefore needs at least one new filter.
        var result = Validate(WithPolicy(new BackupSpec { IncludedNamespaceScopedResources = ["*"] }), policy: PolicyMap("""
            version: v1
            volumePolicies:
            - conditions:
                capacity: "0,100Gi"
              action:
                type: skip
            includeExcludePolicy:
              includedClusterScopedResources: [storageclasses]
              excludedNamespaceScopedResources: [secrets]
            """));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(["storageclasses"], result.IncludeExcludePolicy!.IncludedClusterScopedResources);
        Assert.Equal(["secrets"], result.IncludeExcludePolicy.ExcludedNamespaceScopedResources);
    }

    [Fact]
    public void An_include_exclude_policy_cannot_go_with_old_filters() =>
        Assert.Equal(
            [BackupValidator.OldFiltersWithPolicyError],
            Validate(WithPolicy(new BackupSpec { IncludeClusterResources = true }), policy: PolicyMap("""
                version: v1
                includeExcludePolicy:
                  excludedClusterScopedResources: [clusterroles]
                """)).Errors);

    [Fact]
    public void An_include_exclude_policy_on_a_backup_without_filters_is_refused_as_upstream_does() =>
        Assert.Equal(
            [BackupValidator.OldFiltersWithPolicyError],
            Validate(WithPolicy(), policy: PolicyMap("""
                version: v1
                includeExcludePolicy:
                  excludedClusterScopedResources: [clusterroles]
                """)).Errors);
}
