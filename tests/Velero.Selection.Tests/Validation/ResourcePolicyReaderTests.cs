using k8s.Models;
using Velero.Selection.Validation;

namespace Velero.Selection.Tests.Validation;

/// <summary><c>internal/resourcepolicies</c>: reading and validating the ConfigMap.</summary>
public sealed class ResourcePolicyReaderTests
{
    private const string Read = "fail to read the ResourcePolicies from ConfigMap velero/b1 with error ";
    private const string Invalid = "fail to validate ResourcePolicies in ConfigMap velero/b1 with error ";

    [Theory]
    [InlineData("version: v1\n", null)]
    [InlineData("version: v1\nvolumePolicies:\n- action:\n    type: fs-backup\n", null)]
    [InlineData("version: v2\n", Invalid + "incompatible version number v2 with supported version v1")]
    [InlineData("volumePolicies: []\n", Invalid + "incompatible version number  with supported version v1")]
    [InlineData("version: v1\nvolumePolicies:\n- action:\n    type: delete\n", Invalid + "invalid action type delete")]
    [InlineData("version: v1\nincludeExcludePolicy:\n  includedClusterScopedResources: ['*']\n", Invalid + "cannot use '*' in includes or excludes filters in the policy")]
    [InlineData("version: v1\nincludeExcludePolicy:\n  includedNamespaceScopedResources: [pods, secrets]\n  excludedNamespaceScopedResources: [secrets]\n", Invalid + "excludes list cannot contain an item in the includes list: secrets")]
    [InlineData("version: v1\nvolumePolicies:\n- conditions:\n    pvcLabels: [a]\n  action:\n    type: skip\n", Read + "failed to decode yaml data into resource policies  pvcLabels must be a map of string to string, got []interface {}")]
    public void Validates_version_actions_and_include_exclude_policy(string yaml, string? error)
    {
        var map = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "velero" }, Data = new Dictionary<string, string> { ["p"] = yaml } };
        Assert.Equal(error, ResourcePolicyReader.Read(map, "velero/b1").Error);
    }

    [Theory]
    [InlineData("version: v1\nunknownField: 1\n")]
    [InlineData("version: v1\nvolumePolicies:\n- action:\n    type: skip\n    typo: 1\n")]
    [InlineData("version: [v1\n")]
    public void Unknown_fields_and_bad_yaml_fail_to_decode(string yaml)
    {
        var map = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "p" }, Data = new Dictionary<string, string> { ["p"] = yaml } };
        Assert.StartsWith(Read + "failed to decode yaml data into resource policies  ", ResourcePolicyReader.Read(map, "velero/b1").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configmap_must_hold_exactly_one_key()
    {
        var map = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "velero" },
            Data = new Dictionary<string, string> { ["a"] = "version: v1", ["b"] = "version: v1" },
        };
        Assert.Equal(Read + "illegal resource policies velero/p configmap", ResourcePolicyReader.Read(map, "velero/b1").Error);
    }
}
