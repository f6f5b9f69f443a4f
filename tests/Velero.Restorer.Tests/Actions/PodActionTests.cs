using System.Text.Json.Nodes;
using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Actions;

public sealed class PodActionTests
{
    private static readonly PodAction s_action = new();

    private static async Task<(JsonObject Item, IReadOnlyList<Velero.Restorer.Actions.ItemReference> Additional)> RunAsync(string json)
    {
        var item = ActionContexts.Json(json);
        var result = await s_action.ExecuteAsync(ActionContexts.For("pods", item), item, CancellationToken.None);
        return (result.Item, result.AdditionalItems);
    }

    [Fact]
    public async Task Pod_is_scheduled_afresh_without_node_name_and_priority()
    {
        var (pod, additional) = await RunAsync("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"ns","name":"p"},
             "spec":{"nodeName":"node-1","priority":1000,"schedulerName":"default-scheduler","containers":[{"name":"c","image":"nginx"}]}}
            """);

        Assert.Null(pod["spec"]!["nodeName"]);
        Assert.Null(pod["spec"]!["priority"]);
        Assert.Equal("default-scheduler", (string?)pod["spec"]!["schedulerName"]);
        Assert.Empty(additional);
    }

    [Fact]
    public async Task Legacy_service_account_token_volume_and_its_mounts_are_removed_everywhere()
    {
        var (pod, _) = await RunAsync("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"ns","name":"p"},
             "spec":{"serviceAccountName":"foo",
               "volumes":[{"name":"foo"},{"name":"foo-token-foo"},{"name":"default-token-x"}],
               "containers":[{"name":"c","volumeMounts":[{"name":"foo","mountPath":"/a"},{"name":"foo-token-foo","mountPath":"/t"}]}],
               "initContainers":[{"name":"i","volumeMounts":[{"name":"foo-token-foo","mountPath":"/t"}]},{"name":"j"}]}}
            """);

        Assert.Equal(["foo", "default-token-x"], pod["spec"]!["volumes"]!.AsArray().Select(v => (string?)v!["name"]));
        Assert.Equal(["foo"], pod["spec"]!["containers"]![0]!["volumeMounts"]!.AsArray().Select(v => (string?)v!["name"]));
        Assert.Null(pod["spec"]!["initContainers"]![0]!["volumeMounts"]);
        Assert.Equal("j", (string?)pod["spec"]!["initContainers"]![1]!["name"]);
    }

    [Fact]
    public async Task Priority_class_is_restored_before_the_pod()
    {
        var (_, additional) = await RunAsync("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"ns","name":"p"},"spec":{"priorityClassName":"high","containers":[]}}
            """);

        Assert.Equal([new Velero.Restorer.Actions.ItemReference("priorityclasses.scheduling.k8s.io", null, "high")], additional);
    }

    [Fact]
    public async Task Every_pod_of_the_fixture_manifests_keeps_its_containers_and_loses_only_what_upstream_drops()
    {
        var pods = FixtureManifests.OfKind("Pod").ToList();
        Assert.NotEmpty(pods);
        foreach (var (file, original) in pods)
        {
            var (pod, _) = await RunAsync(original.ToJsonString());
            Assert.Null(pod["spec"]?["nodeName"]);
            Assert.Null(pod["spec"]?["priority"]);
            var before = original["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]);
            Assert.True(before.SequenceEqual(pod["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"])), file);
            Assert.Equal(original["metadata"]!.ToJsonString(), pod["metadata"]!.ToJsonString());
        }
    }
}
