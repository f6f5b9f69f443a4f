using System.Text.Json.Nodes;
using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Actions;

public sealed class ChangeImageNameActionTests
{
    private static Dictionary<string, IReadOnlyDictionary<string, string>> Config(params (string Key, string Value)[] rules) =>
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["velero.io/change-image-name"] = rules.ToDictionary(rule => rule.Key, rule => rule.Value),
        };

    [Theory]
    [InlineData("1.1.1.1:5000  ,  2.2.2.2:3000", "1.1.1.1:5000/abc:test", "2.2.2.2:3000/abc:test")]
    [InlineData("1.1.1.1:5000,2.2.2.2:3000", "1.1.1.1:5000/abc:test", "2.2.2.2:3000/abc:test")]
    [InlineData("abc:test,myproject:latest", "1.1.1.1:5000/abc:test", "1.1.1.1:5000/myproject:latest")]
    [InlineData("dev/,test/", "dev/image1:dev", "test/image1:dev")]
    [InlineData("nginx,", "nginx:1.25", "nginx:1.25")]
    [InlineData("no delimiter", "no delimiter:1", "no delimiter:1")]
    [InlineData("redis,valkey", "nginx:1.25", "nginx:1.25")]
    public async Task A_rule_replaces_every_occurrence_of_its_old_part(string rule, string image, string expected)
    {
        var pod = ActionContexts.Json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"namespace\":\"ns\",\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"" + image + "\"}]}}");

        var result = (await new ChangeImageNameAction().ExecuteAsync(ActionContexts.For("pods", pod, pluginConfig: Config(("case1", rule))), pod, CancellationToken.None)).Item;

        Assert.Equal(expected, (string?)result["spec"]!["containers"]![0]!["image"]);
    }

    [Theory]
    [InlineData("deployments.apps", "Deployment", "spec.template.spec")]
    [InlineData("cronjobs.batch", "CronJob", "spec.jobTemplate.spec.template.spec")]
    [InlineData("pods", "Pod", "spec")]
    public async Task Containers_and_init_containers_of_the_pod_spec_change(string groupResource, string kind, string podSpecPath)
    {
        var item = new JsonObject { ["apiVersion"] = "v1", ["kind"] = kind, ["metadata"] = new JsonObject { ["name"] = "x", ["namespace"] = "ns" } };
        JsonObject podSpec = item;
        foreach (var step in podSpecPath.Split('.'))
        {
            var next = new JsonObject();
            podSpec[step] = next;
            podSpec = next;
        }

        podSpec["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = "quay.io/app:1" });
        podSpec["initContainers"] = new JsonArray(new JsonObject { ["name"] = "i", ["image"] = "quay.io/init:1" });
        var action = new ChangeImageNameAction();

        Assert.True(action.AppliesTo(groupResource));
        await action.ExecuteAsync(ActionContexts.For(groupResource, item, pluginConfig: Config(("registry", "quay.io,registry.local"))), item, CancellationToken.None);

        Assert.Equal("registry.local/app:1", (string?)podSpec["containers"]![0]!["image"]);
        Assert.Equal("registry.local/init:1", (string?)podSpec["initContainers"]![0]!["image"]);
    }

    [Fact]
    public async Task Without_a_plugin_config_nothing_changes()
    {
        var deployments = FixtureManifests.OfKind("Deployment").ToList();
        Assert.NotEmpty(deployments);
        foreach (var (_, deployment) in deployments)
        {
            var before = deployment.ToJsonString();
            var result = (await new ChangeImageNameAction().ExecuteAsync(ActionContexts.For("deployments.apps", deployment), deployment, CancellationToken.None)).Item;
            Assert.Equal(before, result.ToJsonString());
        }
    }
}
