using System.Text.Json.Nodes;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.RoundTrip;

/// <summary>
/// A generated cluster of 10,000 ordinary objects over 50 namespaces (ConfigMaps, Secrets, Services, ServiceAccounts,
/// Deployments, Roles and RoleBindings) survives a backup and a restore into an empty cluster whole.
/// </summary>
public sealed class LargeClusterRoundTripTests
{
    private const int Objects = 10_000;
    private const int Namespaces = 50;

    [Fact]
    public async Task Ten_thousand_mixed_objects_round_trip()
    {
        await using var clusters = await RoundTripClusters.StartAsync();
        Assert.Equal(Objects + Namespaces, ManifestSeeder.Seed(clusters.Source, Generate()));
        var roundTrip = await clusters.RunAsync("large");

        roundTrip.AssertCompleted();
        roundTrip.AssertRestored();
        var restored = roundTrip.After.Objects.Keys.Count(k => k.Namespace?.StartsWith("team-", StringComparison.Ordinal) == true
            && k.Name.StartsWith("obj-", StringComparison.Ordinal));
        Assert.Equal(Objects, restored);
    }

    private static IEnumerable<JsonObject> Generate()
    {
        for (var n = 0; n < Namespaces; n++)
        {
            yield return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = $"team-{n:D2}" } };
        }

        for (var i = 0; i < Objects; i++)
        {
            var name = $"obj-{i:D5}";
            var labels = new JsonObject { ["app"] = name, ["tier"] = (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            var metadata = new JsonObject { ["name"] = name, ["namespace"] = $"team-{i % Namespaces:D2}", ["labels"] = labels };
            JsonObject Obj(string apiVersion, string kind) => new() { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
            yield return (i % 10) switch
            {
                < 3 => With(Obj("v1", "ConfigMap"), "data", new JsonObject { ["settings.yaml"] = $"replicas: {i % 7}\n" }),
                < 5 => With(Obj("v1", "Secret"), "data", new JsonObject { ["password"] = Convert.ToBase64String(BitConverter.GetBytes(i)) }),
                < 7 => With(Obj("v1", "Service"), "spec", new JsonObject
                {
                    ["selector"] = labels.DeepClone(),
                    ["ports"] = new JsonArray(new JsonObject { ["port"] = 80, ["targetPort"] = 8080 }),
                }),
                7 => Obj("v1", "ServiceAccount"),
                8 => With(Obj("apps/v1", "Deployment"), "spec", new JsonObject
                {
                    ["replicas"] = 2,
                    ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                    ["template"] = new JsonObject
                    {
                        ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
                        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "registry.example/app:1" }) },
                    },
                }),
                _ when i % 20 == 9 => With(Obj("rbac.authorization.k8s.io/v1", "Role"), "rules",
                    new JsonArray(new JsonObject { ["apiGroups"] = new JsonArray(""), ["resources"] = new JsonArray("configmaps"), ["verbs"] = new JsonArray("get") })),
                _ => With(With(Obj("rbac.authorization.k8s.io/v1", "RoleBinding"), "roleRef",
                        new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Role", ["name"] = $"obj-{i - 10:D5}" }),
                    "subjects", new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = "default", ["namespace"] = (string)metadata["namespace"]! })),
            };
        }
    }

    private static JsonObject With(JsonObject obj, string field, JsonNode value)
    {
        obj[field] = value;
        return obj;
    }
}
