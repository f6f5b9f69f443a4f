using System.Text.Json.Nodes;
using Velero.Testing;

namespace Velero.Restorer.Tests.Support;

/// <summary>
/// The items of a backup of Velero's <c>nginx-example</c> (fixtures <c>velero-examples/nginx-app/base.yaml</c>) as a
/// running cluster would have served them and upstream writes them: server metadata, managed fields, status, the
/// cluster IP, and the ReplicaSet and Pods the deployment made (owned by it), as in the tarball listing of a real
/// Velero backup of that app.
/// </summary>
public static class NginxExample
{
    public const string Namespace = "nginx-example";

    public static IReadOnlyList<(string GroupResource, JsonObject Item)> Items()
    {
        var manifests = ManifestSeeder.ReadDocuments(File.ReadAllText(
            Path.Combine(RepositoryPaths.Fixtures, "manifests", "velero-examples", "nginx-app", "base.yaml"))).ToList();
        var ns = Served(manifests.Single(m => (string?)m["kind"] == "Namespace"), 11);
        ns["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
        ns["status"] = new JsonObject { ["phase"] = "Active" };
        var deployment = Served(manifests.Single(m => (string?)m["kind"] == "Deployment"), 20);
        deployment["status"] = new JsonObject { ["replicas"] = 2, ["readyReplicas"] = 2, ["observedGeneration"] = 1 };
        var service = Served(manifests.Single(m => (string?)m["kind"] == "Service"), 21);
        service["spec"]!["clusterIP"] = "10.96.14.7";
        service["spec"]!["clusterIPs"] = new JsonArray("10.96.14.7");
        service["spec"]!["ports"]![0]!["nodePort"] = 31234;
        service["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };

        var template = (JsonObject)deployment["spec"]!["template"]!.DeepClone();
        var replicaSet = Served(new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject { ["name"] = "nginx-deployment-66689547d", ["namespace"] = Namespace, ["labels"] = new JsonObject { ["app"] = "nginx" } },
            ["spec"] = new JsonObject { ["replicas"] = 2, ["selector"] = deployment["spec"]!["selector"]!.DeepClone(), ["template"] = template },
        }, 22);
        Own(replicaSet, deployment);
        var items = new List<(string, JsonObject)>
        {
            ("namespaces", ns), ("deployments.apps", deployment), ("services", service), ("replicasets.apps", replicaSet),
        };
        foreach (var suffix in new[] { "x2v7k", "q9c4m" })
        {
            var pod = Served(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Pod",
                ["metadata"] = new JsonObject { ["name"] = $"nginx-deployment-66689547d-{suffix}", ["namespace"] = Namespace, ["labels"] = new JsonObject { ["app"] = "nginx" } },
                ["spec"] = template["spec"]!.DeepClone(),
                ["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = "10.244.0.12" },
            }, 30);
            Own(pod, replicaSet);
            items.Add(("pods", pod));
        }

        return items;
    }

    private static JsonObject Served(JsonObject manifest, int resourceVersion)
    {
        var obj = (JsonObject)manifest.DeepClone();
        var metadata = (JsonObject)obj["metadata"]!;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        metadata["generation"] = 1;
        metadata["creationTimestamp"] = "2026-11-20T10:00:00Z";
        metadata["managedFields"] = new JsonArray(new JsonObject
        {
            ["manager"] = "kubectl-client-side-apply",
            ["operation"] = "Update",
            ["apiVersion"] = (string)obj["apiVersion"]!,
            ["time"] = "2026-11-20T10:00:00Z",
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = new JsonObject { ["f:metadata"] = new JsonObject { ["f:labels"] = new JsonObject { ["."] = new JsonObject(), ["f:app"] = new JsonObject() } } },
        });
        return obj;
    }

    private static void Own(JsonObject item, JsonObject owner) =>
        item["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = (string)owner["apiVersion"]!,
            ["kind"] = (string)owner["kind"]!,
            ["name"] = (string)owner["metadata"]!["name"]!,
            ["uid"] = (string)owner["metadata"]!["uid"]!,
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        });
}
