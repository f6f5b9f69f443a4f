using k8s.Models;
using Velero.ResourceModifiers;

namespace Velero.Restorer.Tests.Modifiers;

public sealed class ResourceModifierParsingTests
{
    private static V1ConfigMap ConfigMap(params (string Key, string Value)[] data) => new()
    {
        Metadata = new V1ObjectMeta { Name = "mods", NamespaceProperty = "velero" },
        Data = data.ToDictionary(entry => entry.Key, entry => entry.Value),
    };

    [Fact]
    public void Rules_are_read_with_every_condition_and_patch_kind()
    {
        var rules = ResourceModifierRules.FromConfigMap(ConfigMap(("rules.yaml", """
            version: v1
            resourceModifierRules:
            - conditions:
                groupResource: persistentvolumeclaims
                resourceNameRegex: "^mysql.*$"
                namespaces: [bar, foo]
                labelSelector:
                  matchLabels:
                    tier: db
                matches:
                - path: /spec/storageClassName
                  value: premium
              patches:
              - operation: replace
                path: /spec/storageClassName
                value: gold
            - conditions:
                groupResource: deployments.apps
              mergePatches:
              - patchData: |
                  {"metadata": {"annotations": {"a": null}}}
            - conditions:
                groupResource: pods
              strategicPatches:
              - patchData: |
                  spec:
                    containers:
                    - name: nginx
                      image: repo2/nginx
            """)));

        Assert.Equal("v1", rules.Version);
        Assert.Equal(3, rules.Rules.Count);
        var first = rules.Rules[0];
        Assert.Equal(["bar", "foo"], first.Conditions.Namespaces);
        Assert.Equal("db", first.Conditions.LabelSelector!.MatchLabels["tier"]);
        Assert.Equal(new Velero.ResourceModifiers.Rules.MatchRule("/spec/storageClassName", "premium"), first.Conditions.Matches.Single());
        Assert.Equal(new Velero.ResourceModifiers.Rules.JsonPatchOperation("replace", "", "/spec/storageClassName", "gold"), first.Patches.Single());
        Assert.Contains("\"a\": null", rules.Rules[1].MergePatches.Single(), StringComparison.Ordinal);
        Assert.Contains("repo2/nginx", rules.Rules[2].StrategicPatches.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version: v2\nresourceModifierRules:\n- conditions: {groupResource: pods}\n  patches: [{operation: remove, path: /a}]", "unsupported resource modifier version v2")]
    [InlineData("version: v1\nresourceModifierRules: []", "resource modifier rules cannot be empty")]
    [InlineData("version: v1\nresourceModifierRules:\n- conditions: {namespaces: [a]}\n  patches: [{operation: remove, path: /a}]", "groupkResource cannot be empty")]
    [InlineData("version: v1\nresourceModifierRules:\n- conditions: {groupResource: pods}\n  patches: [{operation: invalid, path: /a}]", "unsupported operation invalid")]
    [InlineData("version: v1\nresourceModifierRules:\n- conditions: {groupResource: pods}\n  patches: [{path: /a}]", "operation cannot be empty")]
    [InlineData("version: v1\nresourceModifierRules:\n- conditions: {groupResource: pods}\n  patches: [{operation: add, value: x}]", "path cannot be empty")]
    [InlineData(
        "version: v1\nresourceModifierRules:\n- conditions: {groupResource: pods}\n  patches: [{operation: remove, path: /a}]\n  mergePatches: [{patchData: '{}'}]",
        "only one of patches, mergePatches, strategicPatches can be specified")]
    public void Invalid_rules_fail_validation_with_upstreams_message(string yaml, string message)
    {
        var error = Assert.Throws<ResourceModifierException>(() => ResourceModifierRules.FromConfigMap(ConfigMap(("x", yaml))));

        Assert.Equal($"Validation error in resource modifiers provided in configmap velero/mods: {message}", error.Message);
        Assert.Equal(message, Assert.Throws<ResourceModifierException>(() => ResourceModifierRules.Parse(yaml)).Message);
    }

    [Fact]
    public void A_config_map_must_hold_exactly_one_key()
    {
        var none = Assert.Throws<ResourceModifierException>(() => ResourceModifierRules.FromConfigMap(ConfigMap()));
        var two = Assert.Throws<ResourceModifierException>(() => ResourceModifierRules.FromConfigMap(ConfigMap(("a", "version: v1"), ("b", "version: v1"))));

        Assert.Equal("Error in parsing resource modifiers provided in configmap velero/mods: illegal resource modifiers velero/mods configmap", none.Message);
        Assert.Equal(none.Message, two.Message);
    }

    [Theory]
    [InlineData("version: v1\nresourceModifierRules:\n- conditions: {groupResource: pods, unknown: x}\n  patches: [{operation: remove, path: /a}]", "json: unknown field \"unknown\"")]
    [InlineData("version: v1\nresourceModifierRules:\n- conditions: {groupResource: pods}\n  patchez: []", "json: unknown field \"patchez\"")]
    [InlineData("version: v1\nresourceModifierRules: {a: b}", "json: cannot unmarshal object into Go struct field ResourceModifiers.resourceModifierRules")]
    public void Unknown_fields_and_wrong_shapes_fail_decoding_as_upstreams_strict_decoder_does(string yaml, string fragment)
    {
        var error = Assert.Throws<ResourceModifierException>(() => ResourceModifierRules.Parse(yaml));

        Assert.StartsWith("failed to decode yaml data into resource modifiers, err: error unmarshaling JSON: while decoding JSON: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalars_given_to_string_fields_are_taken_as_written()
    {
        var rules = ResourceModifierRules.Parse("version: v1\nresourceModifierRules:\n- conditions: {groupResource: deployments.apps}\n  patches: [{operation: replace, path: /spec/replicas, value: 3}, {operation: replace, path: /spec/paused, value: true}]");

        Assert.Equal(["3", "true"], rules.Rules[0].Patches.Select(p => p.Value));
    }
}
