using System.Text.Json.Nodes;
using Velero.ResourceModifiers;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Modifiers;

public sealed class ResourceModifierApplyTests
{
    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nginx","namespace":"foo","labels":{"app":"nginx","tier":"web"}},
         "spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[
           {"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}],
           "volumes":[{"name":"data","nfs":{"server":"nfs","path":"/x"}}]}}}}
        """;

    private const string Pvc = """
        {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"mysql-data","namespace":"foo"},"spec":{"storageClassName":"standard"}}
        """;

    private static JsonObject Apply(string rules, string item, string groupResource, out IReadOnlyList<ResourceModifierException> errors)
    {
        var json = ActionContexts.Json(item);
        errors = ResourceModifierRules.Parse(rules).Apply(json, groupResource);
        return json;
    }

    private static JsonObject Apply(string rules, string item, string groupResource)
    {
        var json = Apply(rules, item, groupResource, out var errors);
        Assert.Empty(errors);
        return json;
    }

    [Fact]
    public void Json_patch_scales_a_deployment_in_the_namespace_the_backup_has()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: deployments.apps, resourceNameRegex: "^nginx$", namespaces: [foo]}
              patches: [{operation: replace, path: /spec/replicas, value: "2"}]
            """, Deployment, "deployments.apps");

        Assert.Equal(2, (long?)result["spec"]!["replicas"]);
    }

    [Theory]
    [InlineData("namespaces: [bar]", false)]
    [InlineData("namespaces: [\"f*\"]", true)]
    [InlineData("resourceNameRegex: \"^mysql\"", false)]
    [InlineData("resourceNameRegex: \"\"", true)]
    [InlineData("labelSelector: {matchLabels: {tier: web}}", true)]
    [InlineData("labelSelector: {matchLabels: {tier: db}}", false)]
    [InlineData("labelSelector: {matchExpressions: [{key: tier, operator: In, values: [web, api]}]}", true)]
    [InlineData("matches: [{path: /spec/replicas, value: \"1\"}]", true)]
    [InlineData("matches: [{path: /spec/replicas, value: \"3\"}]", false)]
    [InlineData("matches: [{path: /spec/missing/deep, value: x}]", false)]
    public void Conditions_decide_whether_a_rule_applies(string condition, bool applies)
    {
        var result = Apply($"version: v1\nresourceModifierRules:\n- conditions:\n    groupResource: deployments.apps\n    {condition}\n  patches: [{{operation: add, path: /metadata/labels/patched, value: \"yes\"}}]", Deployment, "deployments.apps");

        Assert.Equal(applies, result["metadata"]!["labels"]!["patched"] is not null);
    }

    [Theory]
    [InlineData("deployments.apps", true)]
    [InlineData("*.apps", true)]
    [InlineData("*", false)]
    [InlineData("**", true)]
    [InlineData("deployments.*", true)]
    [InlineData("{deployments,statefulsets}.apps", true)]
    [InlineData("deployments", false)]
    public void Group_resource_is_a_glob_whose_star_stays_within_a_dot_segment(string glob, bool applies)
    {
        var result = Apply($"version: v1\nresourceModifierRules:\n- conditions: {{groupResource: \"{glob}\"}}\n  patches: [{{operation: replace, path: /spec/replicas, value: \"5\"}}]", Deployment, "deployments.apps");

        Assert.Equal(applies ? 5 : 1, (long?)result["spec"]!["replicas"]);
    }

    [Fact]
    public void Conditions_see_the_item_as_it_came_so_a_chain_of_rules_does_not_cascade()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: persistentvolumeclaims, matches: [{path: /spec/storageClassName, value: standard}]}
              patches: [{operation: replace, path: /spec/storageClassName, value: premium}]
            - conditions: {groupResource: persistentvolumeclaims, matches: [{path: /spec/storageClassName, value: premium}]}
              patches: [{operation: replace, path: /spec/storageClassName, value: gold}]
            """, Pvc, "persistentvolumeclaims");

        Assert.Equal("premium", (string?)result["spec"]!["storageClassName"]);
    }

    [Fact]
    public void Later_matching_rules_win()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: persistentvolumeclaims}
              patches: [{operation: replace, path: /spec/storageClassName, value: premium}]
            - conditions: {groupResource: persistentvolumeclaims}
              patches: [{operation: replace, path: /spec/storageClassName, value: gold}]
            """, Pvc, "persistentvolumeclaims");

        Assert.Equal("gold", (string?)result["spec"]!["storageClassName"]);
    }

    [Fact]
    public void A_failed_test_operation_leaves_the_item_unchanged_without_error()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: deployments.apps}
              patches:
              - {operation: replace, path: /spec/replicas, value: "2"}
              - {operation: test, path: /spec/template/spec/containers/0/image, value: "nginx:1.0"}
            """, Deployment, "deployments.apps");

        Assert.Equal(1, (long?)result["spec"]!["replicas"]);
    }

    [Fact]
    public void Json_patch_adds_copies_moves_and_removes()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: deployments.apps}
              patches:
              - {operation: add, path: /spec/template/spec/containers/-, value: '{"name":"mysql","image":"mysql:8"}'}
              - {operation: copy, from: /spec/template/spec/containers/0, path: /spec/template/spec/containers/1}
              - {operation: replace, path: /spec/template/spec/containers/1/name, value: sidecar}
              - {operation: move, from: /metadata/labels/tier, path: /metadata/labels/layer}
              - {operation: remove, path: /spec/template/spec/volumes/0/nfs}
              - {operation: add, path: /spec/template/spec/volumes/0/persistentVolumeClaim, value: '{"claimName":"data"}'}
              - {operation: replace, path: /spec/replicas, value: "\"true\""}
            """, Deployment, "deployments.apps");

        var containers = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["nginx", "sidecar", "mysql"], containers.Select(c => (string?)c!["name"]));
        Assert.Equal("nginx:1.25", (string?)containers[1]!["image"]);
        Assert.Equal("web", (string?)result["metadata"]!["labels"]!["layer"]);
        Assert.Null(result["metadata"]!["labels"]!["tier"]);
        Assert.Equal("""{"name":"data","persistentVolumeClaim":{"claimName":"data"}}""", result["spec"]!["template"]!["spec"]!["volumes"]![0]!.ToJsonString());
        Assert.Equal("true", (string?)result["spec"]!["replicas"]);
    }

    [Fact]
    public void Merge_patch_in_yaml_sets_and_removes_fields()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: deployments.apps}
              mergePatches:
              - patchData: |
                  metadata:
                    labels:
                      tier: null
                      env: prod
                  spec:
                    replicas: 3
            """, Deployment, "deployments.apps");

        Assert.Equal("""{"app":"nginx","env":"prod"}""", result["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal(3, (long?)result["spec"]!["replicas"]);
        Assert.Single(result["spec"]!["template"]!["spec"]!["containers"]!.AsArray());
    }

    [Fact]
    public void Strategic_patch_merges_containers_by_name_and_their_lists_by_their_keys()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: deployments.apps}
              strategicPatches:
              - patchData: |
                  spec:
                    template:
                      spec:
                        containers:
                        - name: nginx
                          image: repo2/nginx:1.25
                          env:
                          - name: B
                            value: "20"
                          - name: C
                            value: "3"
                          - name: A
                            $patch: delete
                          ports:
                          - containerPort: 443
                        - name: sidecar
                          image: busybox
            """, Deployment, "deployments.apps");

        var containers = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["nginx", "sidecar"], containers.Select(c => (string?)c!["name"]));
        Assert.Equal("repo2/nginx:1.25", (string?)containers[0]!["image"]);
        Assert.Equal("""[{"name":"B","value":"20"},{"name":"C","value":"3"}]""", containers[0]!["env"]!.ToJsonString());
        Assert.Equal([80L, 443L], containers[0]!["ports"]!.AsArray().Select(p => (long?)p!["containerPort"]));
    }

    [Fact]
    public void Strategic_patch_replaces_a_volume_source_with_patch_replace()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: deployments.apps}
              strategicPatches:
              - patchData: '{"spec":{"template":{"spec":{"volumes":[{"name":"data","$patch":"replace","persistentVolumeClaim":{"claimName":"data"}}]}}}}'
            """, Deployment, "deployments.apps");

        Assert.Equal("""[{"name":"data","persistentVolumeClaim":{"claimName":"data"}}]""", result["spec"]!["template"]!["spec"]!["volumes"]!.ToJsonString());
    }

    [Fact]
    public void Strategic_patch_merges_service_ports_by_port()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: services}
              strategicPatches:
              - patchData: |
                  spec:
                    ports:
                    - port: 80
                      targetPort: 8081
            """, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"foo"},"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}]}}""", "services");

        Assert.Equal("""[{"port":80,"targetPort":8081},{"port":443}]""", result["spec"]!["ports"]!.ToJsonString());
    }

    [Fact]
    public void Strategic_patch_of_a_custom_resource_is_an_error_of_that_rule_and_other_rules_still_apply()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: "*.example.com"}
              strategicPatches: [{patchData: '{"spec":{"size":2}}'}]
            - conditions: {groupResource: "*.example.com"}
              mergePatches: [{patchData: '{"spec":{"color":"blue"}}'}]
            """, """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","namespace":"foo"},"spec":{"size":1}}""", "widgets.example.com", out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(0, error.RuleIndex);
        Assert.StartsWith("error in applying patch no kind \"Widget\" is registered for the version \"example.com/v1\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("""{"size":1,"color":"blue"}""", result["spec"]!.ToJsonString());
    }

    [Fact]
    public void Invalid_regex_and_missing_path_are_errors_naming_their_rule()
    {
        Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: persistentvolumeclaims, resourceNameRegex: "[a-z"}
              patches: [{operation: replace, path: /spec/storageClassName, value: premium}]
            - conditions: {groupResource: persistentvolumeclaims}
              patches: [{operation: replace, path: /spec/missing, value: premium}]
            """, Pvc, "persistentvolumeclaims", out var errors);

        Assert.Equal([0, 1], errors.Select(e => e.RuleIndex ?? -1));
        Assert.StartsWith("error in matching regex ", errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("error in applying patch error in applying JSON Patch replace operation does not apply", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_scoped_items_ignore_the_namespace_condition()
    {
        var result = Apply("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: persistentvolumes, namespaces: [foo]}
              mergePatches: [{patchData: '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'}]
            """, """{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv1"},"spec":{"persistentVolumeReclaimPolicy":"Delete"}}""", "persistentvolumes");

        Assert.Equal("Retain", (string?)result["spec"]!["persistentVolumeReclaimPolicy"]);
    }

    [Fact]
    public void Every_deployment_of_the_fixture_manifests_takes_an_image_registry_rewrite()
    {
        var rules = ResourceModifierRules.Parse("""
            version: v1
            resourceModifierRules:
            - conditions: {groupResource: deployments.apps}
              strategicPatches:
              - patchData: |
                  metadata:
                    labels:
                      restored: "true"
                  spec:
                    template:
                      spec:
                        imagePullSecrets:
                        - name: mirror
            """);
        var deployments = FixtureManifests.OfKind("Deployment").ToList();
        Assert.NotEmpty(deployments);
        foreach (var (file, deployment) in deployments)
        {
            var containers = deployment["spec"]!["template"]!["spec"]!["containers"]!.ToJsonString();
            Assert.Empty(rules.Apply(deployment, "deployments.apps"));
            Assert.True("true" == (string?)deployment["metadata"]!["labels"]!["restored"], file);
            Assert.Contains(deployment["spec"]!["template"]!["spec"]!["imagePullSecrets"]!.AsArray(), s => (string?)s!["name"] == "mirror");
            Assert.Equal(containers, deployment["spec"]!["template"]!["spec"]!["containers"]!.ToJsonString());
        }
    }
}
