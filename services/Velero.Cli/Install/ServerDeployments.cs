using k8s.Models;
using Velero.ServiceDefaults.Hosting;

namespace Velero.Cli.Install;

/// <summary>
/// The Deployments that run <c>/velero server</c>: by default the single <c>velero</c> Deployment of upstream, shaped
/// as upstream's (selector <c>deploy: velero</c>, container <c>velero</c>, <c>plugins</c> and <c>scratch</c> volumes),
/// running the scheduler, snapshotter and restorer; with <c>--split-services</c>, one Deployment per role.
/// </summary>
public static class ServerDeployments
{
    public static IReadOnlyList<V1Deployment> For(InstallOptions options) => options.SplitServices
        ? [.. InstallNames.ServerRoles.Select(role => Deployment(options, InstallNames.RoleDeployment(role), [role],
            ServiceAccount(options, role)))]
        : [Deployment(options, InstallNames.Server, InstallNames.ServerRoles, ServiceAccount(options, null))];

    /// <summary>Per Deployment (in the same order) its NetworkPolicy, then per Deployment its PodDisruptionBudget.</summary>
    public static IEnumerable<object> Policies(InstallOptions options) =>
        [.. Names(options).Select(name => ServerNetworkPolicy.For(options, name, Selector(name))),
         .. Names(options).Select(name => DisruptionBudgets.For(options, name, Selector(name)))];

    public static Dictionary<string, string> Selector(string deployment) => new() { ["deploy"] = deployment };

    /// <summary>The names of the Deployments <c>--wait</c> waits for.</summary>
    public static IReadOnlyList<string> Names(InstallOptions options) => options.SplitServices
        ? [.. InstallNames.ServerRoles.Select(InstallNames.RoleDeployment)]
        : [InstallNames.Server];

    /// <summary>The ServiceAccount a role's pods run as: the user's, the role's own when split, else <c>velero</c>.</summary>
    public static string ServiceAccount(InstallOptions options, string? role) =>
        options.ServiceAccountName.Length > 0 ? options.ServiceAccountName
        : options.SplitServices && role is not null ? InstallNames.RoleServiceAccount(role)
        : InstallNames.Server;

    private static V1Deployment Deployment(InstallOptions options, string name, IReadOnlyList<string> roles, string serviceAccount)
    {
        var pullPolicy = InstallImages.PullPolicy(options.Image);
        var selector = Selector(name);
        var container = new V1Container
        {
            Name = "velero",
            Image = options.Image,
            Ports = ServerPod.Ports(),
            ImagePullPolicy = pullPolicy,
            Command = ["/velero"],
            Args = ServerArgs.For(options, roles),
            VolumeMounts =
            [
                ServerPod.Mount("plugins", "/plugins"),
                ServerPod.Mount("scratch", "/scratch"),
                ServerPod.Mount("tmp", "/tmp"),
            ],
            Env = Environment(options, roles),
            Resources = options.ServerResources.ToRequirements(),
            SecurityContext = PodHardening.Container(),
        };
        ServerPod.AddProbes(container);
        var volumes = new List<V1Volume> { ServerPod.EmptyDir("plugins"), ServerPod.EmptyDir("scratch"), ServerPod.EmptyDir("tmp") };
        if (options.SecretData is not null)
        {
            volumes.Add(ServerPod.CredentialsVolume());
            container.VolumeMounts.Add(ServerPod.Mount(InstallNames.CloudCredentials, "/credentials"));
        }

        DataStoreTrust.AddTo(options, volumes, container);

        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = InstallMeta.For(options.Namespace, name),
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = selector },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = InstallMeta.PodLabels(options, selector),
                        Annotations = InstallMeta.ServerPodAnnotations(options),
                    },
                    Spec = new V1PodSpec
                    {
                        RestartPolicy = "Always",
                        ServiceAccountName = serviceAccount,
                        Os = new V1PodOS { Name = "linux" },
                        Affinity = InstallMeta.LinuxOnly(),
                        SecurityContext = PodHardening.Pod(PodHardening.NonRootUser),
                        InitContainers = ServerPod.PluginContainers(options, pullPolicy),
                        Containers = [container],
                        Volumes = volumes,
                        PriorityClassName = options.ServerPriorityClassName.Length == 0 ? null : options.ServerPriorityClassName,
                    },
                },
            },
        };
    }

    private static List<V1EnvVar> Environment(InstallOptions options, IReadOnlyList<string> roles)
    {
        var env = new List<V1EnvVar>
        {
            new() { Name = "VELERO_SCRATCH_DIR", Value = "/scratch" },
            ServerPod.FieldRef("VELERO_NAMESPACE", "metadata.namespace"),
            new() { Name = "LD_LIBRARY_PATH", Value = "/plugins" },
        };
        if (options.SecretData is not null)
        {
            env.AddRange(ServerPod.CredentialEnvironment());
        }

        if (options.CsiSnapshotEarlyFrequentPolling)
        {
            env.Add(new V1EnvVar { Name = "CSI_SNAPSHOT_EARLY_FREQUENT_POLLING", Value = "true" });
        }

        env.AddRange(ServerPod.ProductEnvironment(needsDatabase: roles.Contains(RoleNames.Scheduler)));
        return env;
    }
}
