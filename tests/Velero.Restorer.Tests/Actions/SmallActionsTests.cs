using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Actions;

/// <summary>The actions that change one thing: APIServices, webhook configurations, CRDs and pods' claims.</summary>
public sealed class SmallActionsTests
{
    [Theory]
    [InlineData("""{"kube-aggregator.kubernetes.io/automanaged":"onstart"}""", true)]
    [InlineData("""{"kube-aggregator.kubernetes.io/automanaged":"true"}""", true)]
    [InlineData("""{"app":"metrics-server"}""", false)]
    public async Task Aggregator_managed_api_services_are_skipped(string labels, bool skipped)
    {
        var item = ActionContexts.Json("{\"apiVersion\":\"apiregistration.k8s.io/v1\",\"kind\":\"APIService\",\"metadata\":{\"name\":\"v1.apps\",\"labels\":" + labels + "}}");

        var result = await new ApiServiceAction().ExecuteAsync(ActionContexts.For("apiservices.apiregistration.k8s.io", item), item, CancellationToken.None);

        Assert.Equal(skipped, result.Skip);
    }

    [Theory]
    [InlineData("admissionregistration.k8s.io/v1", """["None","None","NoneOnDryRun","None"]""")]
    [InlineData("admissionregistration.k8s.io/v1beta1", """["Unknown","Some","NoneOnDryRun",null]""")]
    public async Task Side_effects_v1_refuses_become_none(string apiVersion, string expected)
    {
        var item = ActionContexts.Json("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"MutatingWebhookConfiguration\",\"metadata\":{\"name\":\"w\"},\"webhooks\":[{\"name\":\"a\",\"sideEffects\":\"Unknown\"},{\"name\":\"b\",\"sideEffects\":\"Some\"},{\"name\":\"c\",\"sideEffects\":\"NoneOnDryRun\"},{\"name\":\"d\"}]}");
        var action = new AdmissionWebhookConfigurationAction();

        Assert.True(action.AppliesTo("validatingwebhookconfigurations.admissionregistration.k8s.io"));
        var result = (await action.ExecuteAsync(ActionContexts.For("mutatingwebhookconfigurations.admissionregistration.k8s.io", item), item, CancellationToken.None)).Item;

        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(result["webhooks"]!.AsArray().Select(w => (string?)w!["sideEffects"])));
    }

    [Fact]
    public async Task V1_crd_preserving_unknown_fields_says_so_in_every_schema_instead()
    {
        var item = ActionContexts.Json("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"foos.example.com"},
             "spec":{"preserveUnknownFields":true,"versions":[{"name":"v1","schema":{"openAPIV3Schema":{"type":"object"}}},{"name":"v2"}]}}
            """);

        var result = (await new CrdPreserveFieldsAction().ExecuteAsync(ActionContexts.For("customresourcedefinitions.apiextensions.k8s.io", item), item, CancellationToken.None)).Item;

        Assert.Null(result["spec"]!["preserveUnknownFields"]);
        Assert.True((bool?)result["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["x-kubernetes-preserve-unknown-fields"]);
        Assert.Null(result["spec"]!["versions"]![1]!["schema"]);
    }

    [Theory]
    [InlineData("apiextensions.k8s.io/v1beta1", "true")]
    [InlineData("apiextensions.k8s.io/v1", "false")]
    public async Task Other_crds_are_unchanged(string apiVersion, string preserve)
    {
        var item = ActionContexts.Json("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"CustomResourceDefinition\",\"metadata\":{\"name\":\"foos.example.com\"},\"spec\":{\"preserveUnknownFields\":" + preserve + ",\"versions\":[{\"name\":\"v1\",\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\"}}}]}}");
        var before = item.ToJsonString();

        var result = (await new CrdPreserveFieldsAction().ExecuteAsync(ActionContexts.For("customresourcedefinitions.apiextensions.k8s.io", item), item, CancellationToken.None)).Item;

        Assert.Equal(before, result.ToJsonString());
    }

    [Fact]
    public async Task A_pods_claims_are_restored_before_it()
    {
        var pod = ActionContexts.Json("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"ns","name":"p"},
             "spec":{"volumes":[{"name":"a","persistentVolumeClaim":{"claimName":"data"}},{"name":"b","emptyDir":{}},{"name":"c","persistentVolumeClaim":{"claimName":"logs"}}]}}
            """);

        var result = await new AddPvcFromPodAction().ExecuteAsync(ActionContexts.For("pods", pod), pod, CancellationToken.None);

        Assert.Equal(
            [new Velero.Restorer.Actions.ItemReference("persistentvolumeclaims", "ns", "data"), new Velero.Restorer.Actions.ItemReference("persistentvolumeclaims", "ns", "logs")],
            result.AdditionalItems);
    }

    [Fact]
    public void Built_in_actions_come_in_upstreams_registration_order_with_unique_names()
    {
        var names = BuiltInRestoreItemActions.Create().Select(action => action.Name).ToList();

        Assert.Equal(
            [
                "velero.io/job", "velero.io/pod", "velero.io/service", "velero.io/service-account", "velero.io/add-pvc-from-pod",
                "velero.io/change-storage-class", "velero.io/change-image-name", "velero.io/role-bindings", "velero.io/cluster-role-bindings",
                "velero.io/crd-preserve-fields", "velero.io/apiservice", "velero.io/admission-webhook-configuration", "velero.io/secret",
            ],
            names);
    }
}
