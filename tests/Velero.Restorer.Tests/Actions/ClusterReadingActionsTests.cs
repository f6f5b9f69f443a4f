using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Actions;

/// <summary>The actions that read the cluster restored into: storage class changes and service-account token secrets.</summary>
public sealed class ClusterReadingActionsTests(RestoreCluster cluster) : IClassFixture<RestoreCluster>
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> s_classes =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["velero.io/change-storage-class"] = new Dictionary<string, string> { ["slow"] = "fast", ["old"] = "missing" },
        };

    [Theory]
    [InlineData("persistentvolumeclaims", "PersistentVolumeClaim")]
    [InlineData("persistentvolumes", "PersistentVolume")]
    public async Task Mapped_storage_class_is_changed_when_it_exists(string groupResource, string kind)
    {
        var item = ActionContexts.Json("{\"apiVersion\":\"v1\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"v\",\"namespace\":\"app\"},\"spec\":{\"storageClassName\":\"slow\"}}");

        var result = (await new ChangeStorageClassAction().ExecuteAsync(ActionContexts.For(groupResource, item, pluginConfig: s_classes, client: cluster.Client), item, CancellationToken.None)).Item;

        Assert.Equal("fast", (string?)result["spec"]!["storageClassName"]);
    }

    [Fact]
    public async Task Claim_templates_of_a_stateful_set_change_one_by_one()
    {
        var item = ActionContexts.Json("""
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","namespace":"app"},
             "spec":{"volumeClaimTemplates":[{"metadata":{"name":"a"},"spec":{"storageClassName":"slow"}},{"metadata":{"name":"b"},"spec":{"storageClassName":"gold"}},{"metadata":{"name":"c"},"spec":{}}]}}
            """);

        var result = (await new ChangeStorageClassAction().ExecuteAsync(ActionContexts.For("statefulsets.apps", item, pluginConfig: s_classes, client: cluster.Client), item, CancellationToken.None)).Item;

        Assert.Equal(["fast", "gold", null], result["spec"]!["volumeClaimTemplates"]!.AsArray().Select(t => (string?)t!["spec"]!["storageClassName"]));
    }

    [Fact]
    public async Task Mapping_to_a_class_the_cluster_lacks_fails_the_item_with_upstreams_message()
    {
        var item = ActionContexts.Json("""{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"v","namespace":"app"},"spec":{"storageClassName":"old"}}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await new ChangeStorageClassAction().ExecuteAsync(ActionContexts.For("persistentvolumeclaims", item, pluginConfig: s_classes, client: cluster.Client), item, CancellationToken.None));

        Assert.Equal("error getting storage class missing from API: storageclasses.storage.k8s.io \"missing\" not found", error.Message);
    }

    [Fact]
    public async Task Unmapped_class_and_no_config_leave_the_item_alone_without_asking_the_cluster()
    {
        var item = ActionContexts.Json("""{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"v","namespace":"app"},"spec":{"storageClassName":"gold"}}""");
        var action = new ChangeStorageClassAction();

        await action.ExecuteAsync(ActionContexts.For("persistentvolumeclaims", item, pluginConfig: s_classes), item, CancellationToken.None);
        await action.ExecuteAsync(ActionContexts.For("persistentvolumeclaims", item), item, CancellationToken.None);

        Assert.Equal("gold", (string?)item["spec"]!["storageClassName"]);
    }

    [Fact]
    public async Task Generated_token_secret_of_an_existing_account_is_skipped()
    {
        var secret = ActionContexts.Json("""
            {"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/service-account-token","metadata":{"name":"builder-token-x1","namespace":"app",
             "annotations":{"kubernetes.io/service-account.name":"builder","kubernetes.io/service-account.uid":"u"}},"data":{"token":"dA==","ca.crt":"Yw==","namespace":"YXBw"}}
            """);

        var result = await new SecretAction().ExecuteAsync(ActionContexts.For("secrets", secret, client: cluster.Client), secret, CancellationToken.None);

        Assert.True(result.Skip);
    }

    [Fact]
    public async Task Hand_made_token_secret_is_restored_for_the_controller_to_fill()
    {
        var secret = ActionContexts.Json("""
            {"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/service-account-token","metadata":{"name":"ci-token","namespace":"app",
             "annotations":{"kubernetes.io/service-account.name":"builder","kubernetes.io/service-account.uid":"u"}},"data":{"token":"dA==","ca.crt":"Yw==","namespace":"YXBw"}}
            """);

        var result = await new SecretAction().ExecuteAsync(ActionContexts.For("secrets", secret, client: cluster.Client), secret, CancellationToken.None);

        Assert.False(result.Skip);
        Assert.Equal("""{"kubernetes.io/service-account.name":"builder"}""", result.Item["metadata"]!["annotations"]!.ToJsonString());
        Assert.Equal("""{"namespace":"YXBw"}""", result.Item["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Other_secrets_pass_without_asking_the_cluster()
    {
        var secret = ActionContexts.Json("""{"apiVersion":"v1","kind":"Secret","type":"Opaque","metadata":{"name":"builder-token-x1","namespace":"app"},"data":{"token":"dA=="}}""");
        var before = secret.ToJsonString();

        var result = await new SecretAction().ExecuteAsync(ActionContexts.For("secrets", secret), secret, CancellationToken.None);

        Assert.False(result.Skip);
        Assert.Equal(before, result.Item.ToJsonString());
    }
}
