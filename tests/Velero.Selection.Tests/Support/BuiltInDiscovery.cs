using Velero.Selection.Resources;

namespace Velero.Selection.Tests.Support;

/// <summary>
/// A fixed discovery of a Kubernetes 1.31 cluster with the CSI snapshot CRDs, in the API server's group order. Types
/// that do not support list/create/get/delete (bindings, componentstatuses) are there to check they are dropped.
/// </summary>
internal static class BuiltInDiscovery
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static IReadOnlyList<DiscoveredResource> Resources { get; } =
    [
        R("", "v1", "bindings", "Binding", true, verbs: ["create"]),
        R("", "v1", "componentstatuses", "ComponentStatus", false, ["cs"], verbs: ["get", "list"]),
        R("", "v1", "configmaps", "ConfigMap", true, ["cm"]),
        R("", "v1", "endpoints", "Endpoints", true, ["ep"]),
        R("", "v1", "events", "Event", true, ["ev"]),
        R("", "v1", "limitranges", "LimitRange", true, ["limits"]),
        R("", "v1", "namespaces", "Namespace", false, ["ns"]),
        R("", "v1", "nodes", "Node", false, ["no"]),
        R("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, ["pvc"]),
        R("", "v1", "persistentvolumes", "PersistentVolume", false, ["pv"]),
        R("", "v1", "pods", "Pod", true, ["po"]),
        R("", "v1", "podtemplates", "PodTemplate", true),
        R("", "v1", "replicationcontrollers", "ReplicationController", true, ["rc"]),
        R("", "v1", "resourcequotas", "ResourceQuota", true, ["quota"]),
        R("", "v1", "secrets", "Secret", true),
        R("", "v1", "serviceaccounts", "ServiceAccount", true, ["sa"]),
        R("", "v1", "services", "Service", true, ["svc"]),
        R("apiregistration.k8s.io", "v1", "apiservices", "APIService", false),
        R("apps", "v1", "controllerrevisions", "ControllerRevision", true),
        R("apps", "v1", "daemonsets", "DaemonSet", true, ["ds"]),
        R("apps", "v1", "deployments", "Deployment", true, ["deploy"]),
        R("apps", "v1", "replicasets", "ReplicaSet", true, ["rs"]),
        R("apps", "v1", "statefulsets", "StatefulSet", true, ["sts"]),
        R("events.k8s.io", "v1", "events", "Event", true, ["ev"]),
        R("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ["hpa"]),
        R("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ["hpa"], preferred: false),
        R("batch", "v1", "cronjobs", "CronJob", true, ["cj"]),
        R("batch", "v1", "jobs", "Job", true),
        R("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false),
        R("networking.k8s.io", "v1", "ingresses", "Ingress", true, ["ing"]),
        R("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, ["netpol"]),
        R("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, ["pdb"]),
        R("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false),
        R("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
        R("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
        R("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
        R("storage.k8s.io", "v1", "csidrivers", "CSIDriver", false),
        R("storage.k8s.io", "v1", "csinodes", "CSINode", false),
        R("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, ["sc"]),
        R("storage.k8s.io", "v1", "volumeattachments", "VolumeAttachment", false),
        R("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false),
        R("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false),
        R("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, ["crd", "crds"]),
        R("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, ["pc"]),
        R("coordination.k8s.io", "v1", "leases", "Lease", true),
        R("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true),
        R("snapshot.storage.k8s.io", "v1", "volumesnapshotclasses", "VolumeSnapshotClass", false, ["vsclass", "vsclasses"]),
        R("snapshot.storage.k8s.io", "v1", "volumesnapshotcontents", "VolumeSnapshotContent", false, ["vsc", "vscs"]),
        R("snapshot.storage.k8s.io", "v1", "volumesnapshots", "VolumeSnapshot", true, ["vs"]),
        R("velero.io", "v1", "backups", "Backup", true),
        R("velero.io", "v1", "backupstoragelocations", "BackupStorageLocation", true, ["bsl"]),
    ];

    public static DiscoveryModel Model(params DiscoveredResource[] extra) => new([.. Resources, .. extra]);

    public static DiscoveredResource R(
        string group, string version, string resource, string kind, bool namespaced,
        string[]? shortNames = null, string[]? verbs = null, bool preferred = true) =>
        new(group, version, resource, kind, namespaced, shortNames ?? [], kind.ToLowerInvariant(), verbs ?? AllVerbs, preferred);
}
