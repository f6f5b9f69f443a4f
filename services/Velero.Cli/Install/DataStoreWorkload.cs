using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// What the in-namespace RabbitMQ and PostgreSQL have in common: a single-replica StatefulSet with a claim for its data,
/// a headless Service that names it, and a NetworkPolicy that lets only the install's own pods connect.
/// </summary>
public static class DataStoreWorkload
{
    /// <summary>The uid and gid the official RabbitMQ and PostgreSQL (Debian) images create their users with.</summary>
    public const long ImageUser = 999;

    public static Dictionary<string, string> Selector(string name) => new() { ["app.kubernetes.io/name"] = name };

    public static V1Service Service(InstallOptions options, string name, string portName, int port) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = InstallMeta.For(options.Namespace, name),
        Spec = new V1ServiceSpec
        {
            ClusterIP = "None",
            Selector = Selector(name),
            Ports = [new V1ServicePort { Name = portName, Port = port, TargetPort = portName }],
        },
    };

    public static V1NetworkPolicy NetworkPolicy(InstallOptions options, string name, int port) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = InstallMeta.For(options.Namespace, name),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = Selector(name) },
            PolicyTypes = ["Ingress"],
            Ingress =
            [
                new V1NetworkPolicyIngressRule
                {
                    FromProperty = [new V1NetworkPolicyPeer { PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>(InstallNames.Labels) } }],
                    Ports = [new V1NetworkPolicyPort { Protocol = "TCP", Port = port }],
                },
            ],
        },
    };

    public static V1StatefulSet StatefulSet(InstallOptions options, string name, V1Container container, string dataSize,
        IList<V1Volume> volumes)
    {
        container.SecurityContext = PodHardening.Container();
        container.ImagePullPolicy = InstallImages.PullPolicy(container.Image);
        return new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = InstallMeta.For(options.Namespace, name),
            Spec = new V1StatefulSetSpec
            {
                Replicas = 1,
                ServiceName = name,
                Selector = new V1LabelSelector { MatchLabels = Selector(name) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = InstallMeta.PodLabels(options, Selector(name)) },
                    Spec = new V1PodSpec
                    {
                        // The data stores never call the Kubernetes API.
                        AutomountServiceAccountToken = false,
                        SecurityContext = PodHardening.Pod(ImageUser),
                        Containers = [container],
                        Volumes = volumes,
                        Affinity = InstallMeta.LinuxOnly(),
                    },
                },
                VolumeClaimTemplates =
                [
                    new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = "data", Labels = new Dictionary<string, string>(InstallNames.Labels) },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new V1VolumeResourceRequirements
                            {
                                Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(dataSize) },
                            },
                        },
                    },
                ],
            },
        };
    }

    public static V1ResourceRequirements Resources(string cpuRequest, string memRequest, string memLimit) => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpuRequest), ["memory"] = new(memRequest) },
        Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new(memLimit) },
    };
}
