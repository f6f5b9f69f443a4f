using System.Text.Json.Nodes;
using Velero.KubeEmulator.Engine;

namespace Velero.KubeEmulator.Seeding;

/// <summary>
/// What every real cluster has before anyone applies anything: the four system namespaces (kube-system with
/// the cluster's stable uid), the kubernetes Service, one Ready node, the default priority classes, a default
/// StorageClass, the cluster-admin role bound to system:masters, and the view, edit and admin roles.
/// </summary>
internal static class Bootstrap
{
    public static void Run(Cluster cluster)
    {
        var system = WriteOptions.System("kube-apiserver");
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            var options = ns == "kube-system" ? system with { FixedUid = cluster.KubeSystemUid } : system;
            Create(cluster, "", "namespaces", "", Obj("v1", "Namespace", ns), options);
        }

        var service = Obj("v1", "Service", "kubernetes");
        service["metadata"]!["labels"] = new JsonObject { ["component"] = "apiserver", ["provider"] = "kubernetes" };
        service["spec"] = new JsonObject
        {
            ["clusterIP"] = "10.96.0.1",
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = 443, ["protocol"] = "TCP", ["targetPort"] = 6443 }),
        };
        Create(cluster, "", "services", "default", service, system);

        var node = Obj("v1", "Node", $"{cluster.ContextName}-control-plane");
        node["metadata"]!["labels"] = new JsonObject
        {
            ["kubernetes.io/hostname"] = $"{cluster.ContextName}-control-plane",
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["node-role.kubernetes.io/control-plane"] = "",
        };
        node["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True", ["reason"] = "KubeletReady", ["message"] = "kubelet is posting ready status" }),
            ["nodeInfo"] = new JsonObject { ["kubeletVersion"] = "v1.32.0", ["operatingSystem"] = "linux", ["architecture"] = "amd64" },
        };
        Create(cluster, "", "nodes", "", node, system);

        foreach (var (name, value) in new[] { ("system-cluster-critical", 2000000000), ("system-node-critical", 2000001000) })
        {
            var priority = Obj("scheduling.k8s.io/v1", "PriorityClass", name);
            priority["value"] = value;
            priority["description"] = "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.";
            Create(cluster, "scheduling.k8s.io", "priorityclasses", "", priority, system);
        }

        var storage = Obj("storage.k8s.io/v1", "StorageClass", "standard");
        storage["metadata"]!["annotations"] = new JsonObject { ["storageclass.kubernetes.io/is-default-class"] = "true" };
        storage["provisioner"] = "rancher.io/local-path";
        storage["volumeBindingMode"] = "WaitForFirstConsumer";
        Create(cluster, "storage.k8s.io", "storageclasses", "", storage, system);

        var admin = Obj("rbac.authorization.k8s.io/v1", "ClusterRole", "cluster-admin");
        admin["rules"] = new JsonArray(
            new JsonObject { ["apiGroups"] = new JsonArray("*"), ["resources"] = new JsonArray("*"), ["verbs"] = new JsonArray("*") },
            new JsonObject { ["nonResourceURLs"] = new JsonArray("*"), ["verbs"] = new JsonArray("*") });
        Create(cluster, "rbac.authorization.k8s.io", "clusterroles", "", admin, system);
        DefaultRoles(cluster, system);
        var binding = Obj("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "cluster-admin");
        binding["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = "cluster-admin" };
        binding["subjects"] = new JsonArray(new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Group", ["name"] = "system:masters" });
        Create(cluster, "rbac.authorization.k8s.io", "clusterrolebindings", "", binding, system);
    }

    /// <summary>
    /// The user-facing roles every cluster has (view, edit, admin), written out rather than aggregated: read
    /// access to namespaced workload, config and storage objects; edit adds writes and exec; admin adds RBAC.
    /// Secrets are not readable through view, as on a real cluster.
    /// </summary>
    private static void DefaultRoles(Cluster cluster, WriteOptions options)
    {
        string[] read = ["get", "list", "watch"];
        string[] write = ["create", "delete", "deletecollection", "patch", "update"];
        (string Group, string[] Resources)[] viewable =
        [
            ("", ["configmaps", "endpoints", "persistentvolumeclaims", "pods", "pods/log", "replicationcontrollers", "services", "serviceaccounts", "events", "limitranges", "resourcequotas", "namespaces"]),
            ("apps", ["deployments", "statefulsets", "daemonsets", "replicasets", "controllerrevisions"]),
            ("batch", ["jobs", "cronjobs"]),
            ("autoscaling", ["horizontalpodautoscalers"]),
            ("networking.k8s.io", ["ingresses", "networkpolicies"]),
            ("policy", ["poddisruptionbudgets"]),
            ("snapshot.storage.k8s.io", ["volumesnapshots"]),
        ];
        JsonNode Rule(string group, IEnumerable<string> resources, IEnumerable<string> verbs) => new JsonObject
        {
            ["apiGroups"] = new JsonArray(group),
            ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode)r)]),
            ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
        };

        var view = viewable.Select(v => Rule(v.Group, v.Resources, read)).ToList();
        var edit = viewable.Select(v => Rule(v.Group, v.Resources.Where(r => r != "namespaces" && r != "pods/log"), [.. read, .. write]))
            .Append(Rule("", ["secrets"], [.. read, .. write]))
            .Append(Rule("", ["pods/exec", "pods/attach", "pods/portforward", "serviceaccounts/token"], ["create", "get"]))
            .Append(Rule("", ["namespaces", "pods/log"], read)).ToList();
        var admin = edit.Select(r => r.DeepClone())
            .Append(Rule("rbac.authorization.k8s.io", ["roles", "rolebindings"], [.. read, .. write])).ToList();
        foreach (var (name, rules) in new[] { ("view", view), ("edit", edit), ("admin", admin) })
        {
            var role = Obj("rbac.authorization.k8s.io/v1", "ClusterRole", name);
            role["metadata"]!["labels"] = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" };
            role["rules"] = new JsonArray([.. rules]);
            Create(cluster, "rbac.authorization.k8s.io", "clusterroles", "", role, options);
        }
    }

    private static JsonObject Obj(string apiVersion, string kind, string name) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    private static void Create(Cluster cluster, string group, string plural, string ns, JsonObject obj, WriteOptions options) =>
        cluster.Objects.Create(cluster.Type(group, plural), ns, obj, options);
}
