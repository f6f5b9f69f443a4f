using System.Text.Json.Nodes;
using Velero.Api;
using Velero.Selection.Validation;

namespace Velero.Restorer.Tests.Support;

/// <summary>
/// Compares an original cluster with the cluster a backup of it was restored into. Every original object the restore
/// brings back (its spec's selection, less what upstream never restores and what already existed in the target) must
/// exist in the target under its mapped namespace and be equal to the original except for what a real restore
/// changes: server-set metadata (uid, resourceVersion, creationTimestamp, generation, managedFields, selfLink), what
/// upstream strips (ownerReferences, generateName, deletion fields), status unless restored, the cluster's own
/// allocations (cluster IPs, node ports), volume binding details, and the <c>velero.io/backup-name</c> and
/// <c>velero.io/restore-name</c> labels. Differences come back as readable JSON paths.
/// </summary>
public static class ClusterComparison
{
    private static readonly string[] ServerMetadata =
    [
        "uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink", "ownerReferences", "generateName",
        "deletionTimestamp", "deletionGracePeriodSeconds",
    ];

    private static readonly string[] BindingAnnotations = ["pv.kubernetes.io/bind-completed", "pv.kubernetes.io/bound-by-controller"];

    /// <summary>
    /// The differences between <paramref name="original"/> and <paramref name="restored"/>; <paramref name="before"/> is
    /// the target as it was before the restore (objects in it are left out).
    /// </summary>
    public static IReadOnlyList<string> Differences(ClusterSnapshot original, ClusterSnapshot before, ClusterSnapshot restored,
        RoundTripExpectation? expectation = null)
    {
        expectation ??= RoundTripExpectation.Full;
        var differences = new List<string>();
        foreach (var (key, obj) in original.Objects.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
        {
            if (!BroughtBack(key, obj) || !expectation.Selected(key, obj))
            {
                continue;
            }

            var target = Map(key, expectation);
            if (before[target] is not null || ProvidedByCluster(target))
            {
                continue;
            }

            if (restored[target] is not { } actual)
            {
                differences.Add($"{target}: missing from the restored cluster");
                continue;
            }

            var expected = Normalize(MapObject(key, obj, expectation), key.GroupResource, expectation);
            var got = Normalize((JsonObject)actual.DeepClone(), key.GroupResource, expectation);
            Diff(target.ToString(), key.GroupResource, "$", expected, got, expectation, differences);
        }

        return differences;
    }

    /// <summary>Fails with every difference (the first 40) when there are any.</summary>
    public static void AssertRestored(ClusterSnapshot original, ClusterSnapshot before, ClusterSnapshot restored,
        RoundTripExpectation? expectation = null)
    {
        var differences = Differences(original, before, restored, expectation);
        Assert.True(differences.Count == 0,
            $"{differences.Count} differences between the original and the restored cluster:\n{string.Join('\n', differences.Take(40))}");
    }

    /// <summary>Objects upstream never restores, whatever the spec: non-restorable types, completed pods and jobs, mirror pods, re-provisioned volumes.</summary>
    public static bool BroughtBack(ObjectKey key, JsonObject obj)
    {
        if (RestoreValidator.NonRestorableResources.Contains(key.GroupResource))
        {
            return false;
        }

        return key.GroupResource switch
        {
            "pods" => (string?)obj["status"]?["phase"] is not ("Succeeded" or "Failed")
                && obj["metadata"]?["annotations"]?["kubernetes.io/config.mirror"] is null,
            "jobs.batch" => obj["status"]?["completionTime"] is null,
            "persistentvolumes" => (string?)obj["spec"]?["persistentVolumeReclaimPolicy"] != "Delete",
            _ => true,
        };
    }

    /// <summary>What the target cluster makes itself with every namespace, before any restored copy can arrive.</summary>
    private static bool ProvidedByCluster(ObjectKey key) =>
        (key.GroupResource == "serviceaccounts" && key.Name == "default") || (key.GroupResource == "configmaps" && key.Name == "kube-root-ca.crt");

    private static ObjectKey Map(ObjectKey key, RoundTripExpectation expectation) => key switch
    {
        { GroupResource: "namespaces" } => key with { Name = expectation.TargetNamespace(key.Name) },
        { Namespace: { } ns } => key with { Namespace = expectation.TargetNamespace(ns) },
        _ => key,
    };

    private static JsonObject MapObject(ObjectKey key, JsonObject obj, RoundTripExpectation expectation)
    {
        var mapped = (JsonObject)obj.DeepClone();
        var metadata = (JsonObject)mapped["metadata"]!;
        if (key.GroupResource == "namespaces")
        {
            metadata["name"] = expectation.TargetNamespace(key.Name);

            // The API server sets this label to the namespace's name, whatever the request says.
            if (metadata["labels"] is JsonObject labels && labels.ContainsKey("kubernetes.io/metadata.name"))
            {
                labels["kubernetes.io/metadata.name"] = expectation.TargetNamespace(key.Name);
            }
        }
        else if (key.Namespace is { } ns)
        {
            metadata["namespace"] = expectation.TargetNamespace(ns);
        }

        if (key.GroupResource == "persistentvolumes" && mapped["spec"]?["claimRef"] is JsonObject claimRef && (string?)claimRef["namespace"] is { } claimNamespace)
        {
            claimRef["namespace"] = expectation.TargetNamespace(claimNamespace);
        }

        // Binding subjects in a mapped namespace follow it (the role-bindings and cluster-role-bindings actions).
        if (key.GroupResource is "rolebindings.rbac.authorization.k8s.io" or "clusterrolebindings.rbac.authorization.k8s.io")
        {
            foreach (var subject in (mapped["subjects"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if ((string?)subject["namespace"] is { } subjectNamespace)
                {
                    subject["namespace"] = expectation.TargetNamespace(subjectNamespace);
                }
            }
        }

        return mapped;
    }

    private static JsonObject Normalize(JsonObject obj, string groupResource, RoundTripExpectation expectation)
    {
        var metadata = obj["metadata"] as JsonObject ?? [];
        foreach (var field in ServerMetadata)
        {
            metadata.Remove(field);
        }

        RemoveKeys(metadata, "labels", WellKnown.BackupNameLabel, WellKnown.RestoreNameLabel);
        RemoveKeys(metadata, "annotations", BindingAnnotations);
        if (!expectation.StatusRestored.Contains(groupResource))
        {
            obj.Remove("status");
        }

        switch (groupResource)
        {
            case "services" when (obj["spec"] is JsonObject spec):
                spec.Remove("clusterIP");
                spec.Remove("clusterIPs");
                spec.Remove("healthCheckNodePort");
                foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    port.Remove("nodePort");
                }

                break;
            case "jobs.batch" when (obj["spec"] is JsonObject jobSpec):
                // The job controller labels a job's pods with the job's own uid; a restored job gets a new one.
                string[] controllerUid = ["controller-uid", "batch.kubernetes.io/controller-uid"];
                RemoveKeys(jobSpec["selector"] as JsonObject ?? [], "matchLabels", controllerUid);
                RemoveKeys(jobSpec["template"]?["metadata"] as JsonObject ?? [], "labels", controllerUid);
                break;
            case "persistentvolumes" or "persistentvolumeclaims" when (obj["spec"]?["claimRef"] is JsonObject claimRef):
                claimRef.Remove("uid");
                claimRef.Remove("resourceVersion");
                break;
        }

        return obj;
    }

    private static void RemoveKeys(JsonObject metadata, string map, params string[] keys)
    {
        if (metadata[map] is not JsonObject values)
        {
            return;
        }

        foreach (var key in keys)
        {
            values.Remove(key);
        }

        if (values.Count == 0)
        {
            metadata.Remove(map);
        }
    }

    private static void Diff(string item, string groupResource, string path, JsonNode? expected, JsonNode? actual,
        RoundTripExpectation expectation, List<string> differences)
    {
        if (expectation.IgnoredPaths.Contains($"{groupResource}:{path}") || JsonNode.DeepEquals(expected, actual))
        {
            return;
        }

        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var name in e.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    Diff(item, groupResource, $"{path}.{name}", e[name], a[name], expectation, differences);
                }

                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    Diff(item, groupResource, $"{path}[{i}]", e[i], a[i], expectation, differences);
                }

                break;
            default:
                differences.Add($"{item}: {path}: expected {Show(expected)}, restored {Show(actual)}");
                break;
        }
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "(absent)";
        return text.Length > 120 ? text[..117] + "..." : text;
    }
}
