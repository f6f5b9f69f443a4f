using k8s.Models;
using Velero.ServiceDefaults.Hosting;

namespace Velero.Cli.Install;

/// <summary>
/// The <c>node-agent</c> DaemonSet (<c>--use-node-agent</c>): the uploader role on every Linux node, shaped as
/// upstream's (selector <c>name: node-agent</c>, the kubelet's pods directory at <c>/host_pods</c>, its plugins
/// directory at <c>/var/lib/kubelet/plugins</c>), with the security context of <see cref="PodHardening.NodeAgentPod"/>.
/// </summary>
public static class NodeAgentDaemonSet
{
    public static IReadOnlyDictionary<string, string> Selector { get; } = new Dictionary<string, string> { ["name"] = InstallNames.NodeAgent };

    public static V1DaemonSet For(InstallOptions options)
    {
        var name = InstallNames.NodeAgent;
        var volumes = new List<V1Volume>();
        var mounts = new List<V1VolumeMount>();
        if (!options.NodeAgentDisableHostPath)
        {
            var root = options.KubeletRootDir.TrimEnd('/');
            volumes.Add(new V1Volume { Name = "host-pods", HostPath = new V1HostPathVolumeSource { Path = root + "/pods" } });
            volumes.Add(new V1Volume { Name = "host-plugins", HostPath = new V1HostPathVolumeSource { Path = root + "/plugins" } });
            mounts.Add(new V1VolumeMount { Name = "host-pods", MountPath = "/host_pods", MountPropagation = "HostToContainer" });
            mounts.Add(new V1VolumeMount { Name = "host-plugins", MountPath = "/var/lib/kubelet/plugins", MountPropagation = "HostToContainer" });
        }

        volumes.Add(ServerPod.EmptyDir("scratch"));
        volumes.Add(ServerPod.EmptyDir("tmp"));
        mounts.Add(ServerPod.Mount("scratch", "/scratch"));
        mounts.Add(ServerPod.Mount("tmp", "/tmp"));
        var env = new List<V1EnvVar>
        {
            ServerPod.FieldRef("NODE_NAME", "spec.nodeName"),
            ServerPod.FieldRef("VELERO_NAMESPACE", "metadata.namespace"),
            new() { Name = "VELERO_SCRATCH_DIR", Value = "/scratch" },
        };
        if (options.SecretData is not null)
        {
            volumes.Add(ServerPod.CredentialsVolume());
            mounts.Add(ServerPod.Mount(InstallNames.CloudCredentials, "/credentials"));
            env.AddRange(ServerPod.CredentialEnvironment());
        }

        env.AddRange(ServerPod.ProductEnvironment(needsDatabase: false));
        var container = new V1Container
        {
            Name = name,
            Image = options.Image,
            Ports = ServerPod.Ports(),
            ImagePullPolicy = InstallImages.PullPolicy(options.Image),
            Command = ["/velero"],
            Args = ServerArgs.ForNodeAgent(options, RoleNames.Uploader),
            SecurityContext = PodHardening.NodeAgentContainer(options.PrivilegedNodeAgent),
            VolumeMounts = mounts,
            Env = env,
            Resources = options.NodeAgentResources.ToRequirements(),
        };
        ServerPod.AddProbes(container);
        DataStoreTrust.AddTo(options, volumes, container);
        var selector = new Dictionary<string, string>(Selector);
        return new V1DaemonSet
        {
            ApiVersion = "apps/v1",
            Kind = "DaemonSet",
            Metadata = InstallMeta.For(options.Namespace, name),
            Spec = new V1DaemonSetSpec
            {
                Selector = new V1LabelSelector { MatchLabels = selector },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = InstallMeta.PodLabels(options, new Dictionary<string, string> { ["name"] = name, ["role"] = "node-agent" }),
                        Annotations = InstallMeta.NodeAgentPodAnnotations(options),
                    },
                    Spec = new V1PodSpec
                    {
                        ServiceAccountName = ServerDeployments.ServiceAccount(options, RoleNames.Uploader),
                        SecurityContext = PodHardening.NodeAgentPod(),
                        Volumes = volumes,
                        Containers = [container],
                        Affinity = InstallMeta.LinuxOnly(),
                        PriorityClassName = options.NodeAgentPriorityClassName.Length == 0 ? null : options.NodeAgentPriorityClassName,
                    },
                },
            },
        };
    }
}
