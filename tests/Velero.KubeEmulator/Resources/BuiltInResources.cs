namespace Velero.KubeEmulator.Resources;

/// <summary>The built-in resources a backup meets, as a v1.32 kube-apiserver serves them.</summary>
internal static class BuiltInResources
{
    private static readonly string[] SpecStatus = ["apiVersion", "kind", "metadata", "spec", "status"];

    public static IReadOnlyList<ResourceType> All { get; } = Build();

    private static ResourceType T(string group, string version, string kind, string plural, bool namespaced,
        string[]? shortNames = null, bool status = false, bool scale = false, bool generation = false,
        string[]? categories = null, string[]? extra = null, string[]? fields = null, string[]? verbs = null) => new()
        {
            Group = group,
            Version = version,
            Kind = kind,
            Plural = plural,
            Namespaced = namespaced,
            Singular = kind.ToLowerInvariant(),
            ShortNames = shortNames ?? [],
            HasStatus = status,
            Scale = scale ? new ScaleSpec(".spec.replicas", ".status.replicas", ".status.selector") : null,
            HasGeneration = generation,
            Categories = categories ?? [],
            ExtraSubresources = extra ?? [],
            TopLevelFields = fields is { Length: 0 } ? null : fields ?? SpecStatus,
            Verbs = verbs ?? ResourceType.StandardVerbs,
        };

    private static string[] Fields(params string[] own) => ["apiVersion", "kind", "metadata", .. own];

    private static List<ResourceType> Build()
    {
        string[] all = ["all"];
        return
        [
            T("", "v1", "Namespace", "namespaces", false, ["ns"], status: true, extra: ["finalize"],
                verbs: ["create", "delete", "get", "list", "patch", "update", "watch"]),
            T("", "v1", "Pod", "pods", true, ["po"], status: true, categories: all,
                extra: ["exec", "log", "attach", "portforward", "eviction", "binding"]),
            T("", "v1", "Service", "services", true, ["svc"], status: true, categories: all,
                verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]),
            T("", "v1", "Endpoints", "endpoints", true, ["ep"], fields: Fields("subsets")),
            T("", "v1", "ConfigMap", "configmaps", true, ["cm"], fields: Fields("data", "binaryData", "immutable")),
            T("", "v1", "Secret", "secrets", true, fields: Fields("data", "stringData", "type", "immutable")),
            T("", "v1", "ServiceAccount", "serviceaccounts", true, ["sa"], extra: ["token"],
                fields: Fields("secrets", "imagePullSecrets", "automountServiceAccountToken")),
            T("", "v1", "PersistentVolume", "persistentvolumes", false, ["pv"], status: true),
            T("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, ["pvc"], status: true),
            T("", "v1", "Event", "events", true, ["ev"], fields: []),
            T("", "v1", "Node", "nodes", false, ["no"], status: true),
            T("", "v1", "LimitRange", "limitranges", true, ["limits"]),
            T("", "v1", "ResourceQuota", "resourcequotas", true, ["quota"], status: true),
            T("", "v1", "ReplicationController", "replicationcontrollers", true, ["rc"], status: true, scale: true,
                generation: true, categories: all),
            T("apps", "v1", "Deployment", "deployments", true, ["deploy"], status: true, scale: true, generation: true, categories: all),
            T("apps", "v1", "StatefulSet", "statefulsets", true, ["sts"], status: true, scale: true, generation: true, categories: all),
            T("apps", "v1", "DaemonSet", "daemonsets", true, ["ds"], status: true, generation: true, categories: all),
            T("apps", "v1", "ReplicaSet", "replicasets", true, ["rs"], status: true, scale: true, generation: true, categories: all),
            T("apps", "v1", "ControllerRevision", "controllerrevisions", true, fields: Fields("data", "revision")),
            T("batch", "v1", "Job", "jobs", true, status: true, generation: true, categories: all),
            T("batch", "v1", "CronJob", "cronjobs", true, ["cj"], status: true, generation: true, categories: all),
            T("rbac.authorization.k8s.io", "v1", "Role", "roles", true, fields: Fields("rules")),
            T("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, fields: Fields("subjects", "roleRef")),
            T("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, fields: Fields("rules", "aggregationRule")),
            T("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, fields: Fields("subjects", "roleRef")),
            T("networking.k8s.io", "v1", "Ingress", "ingresses", true, ["ing"], status: true, generation: true),
            T("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, ["netpol"], generation: true),
            T("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false),
            T("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, ["pdb"], status: true, generation: true),
            T("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, ["hpa"], status: true, categories: all),
            T("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, ["hpa"], status: true, categories: all),
            T("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, ["sc"], fields: Fields("provisioner", "parameters",
                "reclaimPolicy", "mountOptions", "allowVolumeExpansion", "volumeBindingMode", "allowedTopologies")),
            T("storage.k8s.io", "v1", "VolumeAttachment", "volumeattachments", false, status: true),
            T("storage.k8s.io", "v1", "CSIDriver", "csidrivers", false),
            T("storage.k8s.io", "v1", "CSINode", "csinodes", false),
            T("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false, ["pc"],
                fields: Fields("value", "globalDefault", "description", "preemptionPolicy")),
            T("coordination.k8s.io", "v1", "Lease", "leases", true),
            T("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", false,
                fields: Fields("webhooks")),
            T("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", false,
                fields: Fields("webhooks")),
            T("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, ["crd", "crds"],
                status: true, generation: true, categories: ["api-extensions"]),
            T("apiregistration.k8s.io", "v1", "APIService", "apiservices", false, status: true, categories: ["api-extensions"]),
            // Real clusters get these from the CSI snapshot CRDs; served here so backups meet them on any cluster.
            // Applying the upstream CRDs replaces these entries with schema-checked ones on the same storage.
            T("snapshot.storage.k8s.io", "v1", "VolumeSnapshot", "volumesnapshots", true, ["vs"], status: true, generation: true),
            T("snapshot.storage.k8s.io", "v1", "VolumeSnapshotContent", "volumesnapshotcontents", false, ["vsc", "vscs"],
                status: true, generation: true),
            T("snapshot.storage.k8s.io", "v1", "VolumeSnapshotClass", "volumesnapshotclasses", false, ["vsclass", "vsclasses"],
                generation: true, fields: Fields("driver", "deletionPolicy", "parameters")),
            T("events.k8s.io", "v1", "Event", "events", true, ["ev"], fields: []),
            T("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false, verbs: ["create"]),
            T("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews", false, verbs: ["create"]),
        ];
    }
}
