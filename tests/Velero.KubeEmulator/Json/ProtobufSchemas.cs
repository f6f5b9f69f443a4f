namespace Velero.KubeEmulator.Json;

/// <summary>How one protobuf field maps to JSON.</summary>
internal enum ProtoKind
{
    String,
    Bytes,
    Int,
    Bool,
    Message,
    StringMap,
    BytesMap,
    Skip,

    /// <summary>intstr.IntOrString: {type, intVal, strVal} becomes a JSON number or string.</summary>
    IntOrString,
}

/// <summary>
/// One field. Go's protobuf encodes non-pointer scalars even when zero, where JSON would omit them; zero values
/// are therefore dropped unless KeepZero marks a pointer field whose zero means something (replicas: 0).
/// </summary>
internal sealed record ProtoField(string Name, ProtoKind Kind, bool Repeated = false, Dictionary<int, ProtoField>? Message = null)
{
    public bool KeepZero { get; init; }
}

/// <summary>
/// Field numbers from k8s.io/api generated.proto for the kinds that `kubectl create namespace|configmap|secret|
/// serviceaccount|token|role|rolebinding|clusterrole|clusterrolebinding|deployment|job|service`,
/// `kubectl run` and
/// `kubectl auth can-i|whoami` send as protobuf (their typed clients do not fall back to JSON on 415).
/// </summary>
internal static class ProtobufSchemas
{
    private static readonly Dictionary<int, ProtoField> ObjectReference = new()
    {
        [1] = new("kind", ProtoKind.String), [2] = new("namespace", ProtoKind.String), [3] = new("name", ProtoKind.String),
        [4] = new("uid", ProtoKind.String), [5] = new("apiVersion", ProtoKind.String), [6] = new("resourceVersion", ProtoKind.String),
        [7] = new("fieldPath", ProtoKind.String),
    };

    private static readonly Dictionary<int, ProtoField> OwnerReference = new()
    {
        [1] = new("kind", ProtoKind.String), [3] = new("name", ProtoKind.String), [4] = new("uid", ProtoKind.String),
        [5] = new("apiVersion", ProtoKind.String), [6] = new("controller", ProtoKind.Bool), [7] = new("blockOwnerDeletion", ProtoKind.Bool),
    };

    private static readonly Dictionary<int, ProtoField> ObjectMeta = new()
    {
        [1] = new("name", ProtoKind.String), [2] = new("generateName", ProtoKind.String), [3] = new("namespace", ProtoKind.String),
        [5] = new("uid", ProtoKind.String), [6] = new("resourceVersion", ProtoKind.String), [7] = new("generation", ProtoKind.Int),
        [8] = new("creationTimestamp", ProtoKind.Skip), [9] = new("deletionTimestamp", ProtoKind.Skip),
        [11] = new("labels", ProtoKind.StringMap), [12] = new("annotations", ProtoKind.StringMap),
        [13] = new("ownerReferences", ProtoKind.Message, true, OwnerReference), [14] = new("finalizers", ProtoKind.String, true),
        [17] = new("managedFields", ProtoKind.Skip),
    };

    private static ProtoField Metadata => new("metadata", ProtoKind.Message, false, ObjectMeta);

    private static readonly Dictionary<int, ProtoField> PolicyRule = new()
    {
        [1] = new("verbs", ProtoKind.String, true), [2] = new("apiGroups", ProtoKind.String, true), [3] = new("resources", ProtoKind.String, true),
        [4] = new("resourceNames", ProtoKind.String, true), [5] = new("nonResourceURLs", ProtoKind.String, true),
    };

    private static readonly Dictionary<int, ProtoField> Binding = new()
    {
        [1] = Metadata,
        [2] = new("subjects", ProtoKind.Message, true, new()
        {
            [1] = new("kind", ProtoKind.String), [2] = new("apiGroup", ProtoKind.String), [3] = new("name", ProtoKind.String), [4] = new("namespace", ProtoKind.String),
        }),
        [3] = new("roleRef", ProtoKind.Message, false, new()
        {
            [1] = new("apiGroup", ProtoKind.String), [2] = new("kind", ProtoKind.String), [3] = new("name", ProtoKind.String),
        }),
    };

    private static readonly Dictionary<int, ProtoField> LabelSelector = new()
    {
        [1] = new("matchLabels", ProtoKind.StringMap),
        [2] = new("matchExpressions", ProtoKind.Message, true, new()
        {
            [1] = new("key", ProtoKind.String), [2] = new("operator", ProtoKind.String), [3] = new("values", ProtoKind.String, true),
        }),
    };

    private static readonly Dictionary<int, ProtoField> Container = new()
    {
        [1] = new("name", ProtoKind.String), [2] = new("image", ProtoKind.String), [3] = new("command", ProtoKind.String, true),
        [4] = new("args", ProtoKind.String, true), [5] = new("workingDir", ProtoKind.String),
        [6] = new("ports", ProtoKind.Message, true, new()
        {
            [1] = new("name", ProtoKind.String), [2] = new("hostPort", ProtoKind.Int), [3] = new("containerPort", ProtoKind.Int),
            [4] = new("protocol", ProtoKind.String), [5] = new("hostIP", ProtoKind.String),
        }),
        [7] = new("env", ProtoKind.Message, true, new() { [1] = new("name", ProtoKind.String), [2] = new("value", ProtoKind.String) }),
        [8] = new("resources", ProtoKind.Message, false, []),
        [9] = new("volumeMounts", ProtoKind.Message, true, new()
        {
            [1] = new("name", ProtoKind.String), [2] = new("readOnly", ProtoKind.Bool), [3] = new("mountPath", ProtoKind.String), [4] = new("subPath", ProtoKind.String),
        }),
        [14] = new("imagePullPolicy", ProtoKind.String), [16] = new("stdin", ProtoKind.Bool), [18] = new("tty", ProtoKind.Bool),
    };

    /// <summary>The PodSpec fields `kubectl run` and `kubectl create deployment|job` set.</summary>
    private static readonly Dictionary<int, ProtoField> PodSpec = new()
    {
        [2] = new("containers", ProtoKind.Message, true, Container), [3] = new("restartPolicy", ProtoKind.String),
        [4] = new("terminationGracePeriodSeconds", ProtoKind.Int), [6] = new("dnsPolicy", ProtoKind.String),
        [7] = new("nodeSelector", ProtoKind.StringMap), [8] = new("serviceAccountName", ProtoKind.String), [10] = new("nodeName", ProtoKind.String),
        [20] = new("initContainers", ProtoKind.Message, true, Container),
    };

    private static readonly Dictionary<int, ProtoField> PodTemplate = new()
    {
        [1] = Metadata, [2] = new("spec", ProtoKind.Message, false, PodSpec),
    };

    public static readonly Dictionary<string, Dictionary<int, ProtoField>> ByKind = new(StringComparer.Ordinal)
    {
        ["Namespace"] = new()
        {
            [1] = Metadata,
            [2] = new("spec", ProtoKind.Message, false, new() { [1] = new("finalizers", ProtoKind.String, true) }),
        },
        ["ConfigMap"] = new()
        {
            [1] = Metadata, [2] = new("data", ProtoKind.StringMap), [3] = new("binaryData", ProtoKind.BytesMap), [4] = new("immutable", ProtoKind.Bool),
        },
        ["Secret"] = new()
        {
            [1] = Metadata, [2] = new("data", ProtoKind.BytesMap), [3] = new("type", ProtoKind.String),
            [4] = new("stringData", ProtoKind.StringMap), [5] = new("immutable", ProtoKind.Bool),
        },
        ["ServiceAccount"] = new()
        {
            [1] = Metadata, [2] = new("secrets", ProtoKind.Message, true, ObjectReference),
            [3] = new("imagePullSecrets", ProtoKind.Message, true, new() { [1] = new("name", ProtoKind.String) }),
            [4] = new("automountServiceAccountToken", ProtoKind.Bool),
        },
        ["SelfSubjectAccessReview"] = new()
        {
            [1] = Metadata,
            [2] = new("spec", ProtoKind.Message, false, new()
            {
                [1] = new("resourceAttributes", ProtoKind.Message, false, new()
                {
                    [1] = new("namespace", ProtoKind.String), [2] = new("verb", ProtoKind.String), [3] = new("group", ProtoKind.String),
                    [4] = new("version", ProtoKind.String), [5] = new("resource", ProtoKind.String), [6] = new("subresource", ProtoKind.String),
                    [7] = new("name", ProtoKind.String),
                }),
                [2] = new("nonResourceAttributes", ProtoKind.Message, false, new() { [1] = new("path", ProtoKind.String), [2] = new("verb", ProtoKind.String) }),
            }),
        },
        ["SelfSubjectReview"] = new() { [1] = Metadata },
        ["Role"] = new() { [1] = Metadata, [2] = new("rules", ProtoKind.Message, true, PolicyRule) },
        ["ClusterRole"] = new() { [1] = Metadata, [2] = new("rules", ProtoKind.Message, true, PolicyRule) },
        ["RoleBinding"] = Binding,
        ["ClusterRoleBinding"] = Binding,
        ["Pod"] = new() { [1] = Metadata, [2] = new("spec", ProtoKind.Message, false, PodSpec) },
        ["Deployment"] = new()
        {
            [1] = Metadata,
            [2] = new("spec", ProtoKind.Message, false, new()
            {
                [1] = new("replicas", ProtoKind.Int) { KeepZero = true }, [2] = new("selector", ProtoKind.Message, false, LabelSelector),
                [3] = new("template", ProtoKind.Message, false, PodTemplate), [5] = new("minReadySeconds", ProtoKind.Int),
                [6] = new("revisionHistoryLimit", ProtoKind.Int), [7] = new("paused", ProtoKind.Bool), [9] = new("progressDeadlineSeconds", ProtoKind.Int),
            }),
        },
        ["Job"] = new()
        {
            [1] = Metadata,
            [2] = new("spec", ProtoKind.Message, false, new()
            {
                [1] = new("parallelism", ProtoKind.Int) { KeepZero = true }, [2] = new("completions", ProtoKind.Int) { KeepZero = true }, [3] = new("activeDeadlineSeconds", ProtoKind.Int),
                [4] = new("selector", ProtoKind.Message, false, LabelSelector), [6] = new("template", ProtoKind.Message, false, PodTemplate),
                [7] = new("backoffLimit", ProtoKind.Int) { KeepZero = true },
            }),
        },
        ["Service"] = new()
        {
            [1] = Metadata,
            [2] = new("spec", ProtoKind.Message, false, new()
            {
                [1] = new("ports", ProtoKind.Message, true, new()
                {
                    [1] = new("name", ProtoKind.String), [2] = new("protocol", ProtoKind.String), [3] = new("port", ProtoKind.Int),
                    [4] = new("targetPort", ProtoKind.IntOrString), [5] = new("nodePort", ProtoKind.Int),
                }),
                [2] = new("selector", ProtoKind.StringMap), [3] = new("clusterIP", ProtoKind.String), [4] = new("type", ProtoKind.String),
                [7] = new("externalName", ProtoKind.String),
            }),
        },
        ["TokenRequest"] = new()
        {
            [1] = Metadata,
            [2] = new("spec", ProtoKind.Message, false, new()
            {
                [1] = new("audiences", ProtoKind.String, true),
                [3] = new("boundObjectRef", ProtoKind.Message, false, new()
                {
                    [1] = new("kind", ProtoKind.String), [2] = new("apiVersion", ProtoKind.String), [3] = new("name", ProtoKind.String), [4] = new("uid", ProtoKind.String),
                }),
                [4] = new("expirationSeconds", ProtoKind.Int),
            }),
        },
    };
}
