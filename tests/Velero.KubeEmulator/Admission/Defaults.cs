using System.Text;
using System.Text.Json.Nodes;
using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Admission;

/// <summary>
/// The defaulting and strategy steps of built-in types that backups and kubectl depend on: Secret stringData,
/// Service IPs and ports, pod and workload defaults, namespace finalizers, initial status phases.
/// </summary>
internal static class Defaults
{
    public static void Apply(ResourceType type, JsonObject obj, JsonObject? old, ServiceAllocator allocator)
    {
        switch ((type.Group, type.Plural))
        {
            case ("", "secrets"):
                Secret(obj);
                break;
            case ("", "services"):
                Service(obj, old, allocator);
                break;
            case ("", "pods"):
                PodSpec(Child(obj, "spec"));
                Init(Child(obj, "status"), "phase", "Pending");
                Init(Child(obj, "status"), "qosClass", "BestEffort");
                break;
            case ("", "namespaces"):
                var name = Json.Meta.Name(obj);
                Child(Json.Meta.Metadata(obj), "labels")["kubernetes.io/metadata.name"] = name;
                if (old is null)
                {
                    Init(Child(obj, "spec"), "finalizers", new JsonArray("kubernetes"));
                }

                Init(Child(obj, "status"), "phase", "Active");
                break;
            case ("", "persistentvolumeclaims"):
                Init(Child(obj, "spec"), "volumeMode", "Filesystem");
                Init(Child(obj, "status"), "phase", "Pending");
                break;
            case ("", "persistentvolumes"):
                Init(Child(obj, "spec"), "persistentVolumeReclaimPolicy", "Retain");
                Init(Child(obj, "spec"), "volumeMode", "Filesystem");
                Init(Child(obj, "status"), "phase", "Available");
                break;
            case ("", "replicationcontrollers") or ("apps", "replicasets"):
                Init(Child(obj, "spec"), "replicas", 1);
                TemplateSpec(obj);
                break;
            case ("apps", "deployments"):
                var spec = Child(obj, "spec");
                Init(spec, "replicas", 1);
                Init(spec, "revisionHistoryLimit", 10);
                Init(spec, "progressDeadlineSeconds", 600);
                Init(spec, "strategy", new JsonObject
                {
                    ["type"] = "RollingUpdate",
                    ["rollingUpdate"] = new JsonObject { ["maxSurge"] = "25%", ["maxUnavailable"] = "25%" },
                });
                TemplateSpec(obj);
                break;
            case ("apps", "statefulsets"):
                var sts = Child(obj, "spec");
                Init(sts, "replicas", 1);
                Init(sts, "podManagementPolicy", "OrderedReady");
                Init(sts, "revisionHistoryLimit", 10);
                Init(sts, "updateStrategy", new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["partition"] = 0 } });
                TemplateSpec(obj);
                break;
            case ("apps", "daemonsets"):
                Init(Child(obj, "spec"), "revisionHistoryLimit", 10);
                TemplateSpec(obj);
                break;
            case ("batch", "jobs"):
                var job = Child(obj, "spec");
                Init(job, "backoffLimit", 6);
                Init(job, "completionMode", "NonIndexed");
                Init(job, "suspend", false);
                if (old is null)
                {
                    JobSelector(obj, job);
                }

                TemplateSpec(obj, "Never");
                break;
            case ("batch", "cronjobs"):
                var cron = Child(obj, "spec");
                Init(cron, "concurrencyPolicy", "Allow");
                Init(cron, "suspend", false);
                Init(cron, "successfulJobsHistoryLimit", 3);
                Init(cron, "failedJobsHistoryLimit", 1);
                break;
            case ("storage.k8s.io", "storageclasses"):
                Init(obj, "reclaimPolicy", "Delete");
                Init(obj, "volumeBindingMode", "Immediate");
                break;
        }
    }

    private static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    private static void Init(JsonObject target, string key, JsonNode? value)
    {
        if (target[key] is null)
        {
            target[key] = value;
        }
    }

    /// <summary>
    /// The Job strategy's generated selector: controller-uid labels on the template (Velero's job restore action
    /// strips exactly these).
    /// </summary>
    private static void JobSelector(JsonObject obj, JsonObject spec)
    {
        if (spec["selector"] is not null || spec["manualSelector"]?.GetValue<bool>() == true)
        {
            return;
        }

        var uid = Json.Meta.Str(obj["metadata"], "uid") ?? "";
        var name = Json.Meta.Name(obj);
        spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid } };
        var template = Child(spec, "template");
        var labels = Child(Child(template, "metadata"), "labels");
        labels["batch.kubernetes.io/controller-uid"] = uid;
        labels["batch.kubernetes.io/job-name"] = name;
        labels["controller-uid"] = uid;
        labels["job-name"] = name;
    }

    private static void Secret(JsonObject obj)
    {
        if (obj["stringData"] is JsonObject stringData)
        {
            var data = Child(obj, "data");
            foreach (var (k, v) in stringData)
            {
                var text = v is JsonValue value && value.TryGetValue<string>(out var s) ? s : v?.ToJsonString() ?? "";
                data[k] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
            }
        }

        obj.Remove("stringData");
        Init(obj, "type", "Opaque");
    }

    private static void TemplateSpec(JsonObject obj, string restartPolicy = "Always")
    {
        if (obj["spec"]?["template"] is JsonObject template)
        {
            PodSpec(Child(template, "spec"), restartPolicy);
        }
    }

    private static void PodSpec(JsonObject spec, string restartPolicy = "Always")
    {
        Init(spec, "restartPolicy", restartPolicy);
        Init(spec, "dnsPolicy", "ClusterFirst");
        Init(spec, "schedulerName", "default-scheduler");
        Init(spec, "terminationGracePeriodSeconds", 30);
        Init(spec, "securityContext", new JsonObject());
        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var container in (spec[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                var image = Json.Meta.Str(container, "image") ?? "";
                var tagged = image.Contains('@') || (image.LastIndexOf(':') > image.LastIndexOf('/') && !image.EndsWith(":latest", StringComparison.Ordinal));
                Init(container, "imagePullPolicy", tagged ? "IfNotPresent" : "Always");
                Init(container, "terminationMessagePath", "/dev/termination-log");
                Init(container, "terminationMessagePolicy", "File");
                Init(container, "resources", new JsonObject());
                foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    Init(port, "protocol", "TCP");
                }
            }
        }
    }

    private static void Service(JsonObject obj, JsonObject? old, ServiceAllocator allocator)
    {
        var spec = Child(obj, "spec");
        var oldSpec = old?["spec"] as JsonObject;
        Init(spec, "type", "ClusterIP");
        var type = Json.Meta.Str(spec, "type");
        Init(spec, "sessionAffinity", "None");
        if (type != "ExternalName")
        {
            var ip = Json.Meta.Str(spec, "clusterIP") ?? Json.Meta.Str(oldSpec, "clusterIP");
            if (string.IsNullOrEmpty(ip))
            {
                ip = allocator.NextClusterIp();
            }
            else if (ip != "None")
            {
                allocator.Reserve(ip);
            }

            spec["clusterIP"] = ip;
            spec["clusterIPs"] = new JsonArray(ip);
            Init(spec, "ipFamilies", new JsonArray("IPv4"));
            Init(spec, "ipFamilyPolicy", "SingleStack");
            Init(spec, "internalTrafficPolicy", "Cluster");
        }

        var oldPorts = (oldSpec?["ports"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Init(port, "protocol", "TCP");
            Init(port, "targetPort", port["port"]?.DeepClone());
            if (type is "NodePort" or "LoadBalancer")
            {
                if (port["nodePort"] is null)
                {
                    var previous = oldPorts.FirstOrDefault(p => JsonNode.DeepEquals(p["port"], port["port"]))?["nodePort"];
                    port["nodePort"] = previous?.DeepClone() ?? allocator.NextNodePort();
                }
                else if (port["nodePort"] is JsonValue v && v.TryGetValue<int>(out var n))
                {
                    allocator.ReservePort(n);
                }
            }
        }

        if (type is "NodePort" or "LoadBalancer")
        {
            Init(spec, "externalTrafficPolicy", "Cluster");
        }

        Init(Child(obj, "status"), "loadBalancer", new JsonObject());
    }
}
