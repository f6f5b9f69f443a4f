using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// The pieces of the pods that run <c>/velero</c>: upstream's environment, volumes and credential mount, plus this
/// product's settings (namespace, listen address, broker and database connections read from their Secrets).
/// </summary>
public static class ServerPod
{
    public const int MetricsPort = 8085;

    /// <summary>Upstream's environment variables that point every cloud SDK at the mounted credentials.</summary>
    public static IReadOnlyList<string> CredentialVariables { get; } =
        ["GOOGLE_APPLICATION_CREDENTIALS", "AWS_SHARED_CREDENTIALS_FILE", "AZURE_CREDENTIALS_FILE", "ALIBABA_CLOUD_CREDENTIALS_FILE"];

    public static V1EnvVar FieldRef(string name, string path) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = path } } };

    public static V1EnvVar SecretRef(string name, string secret, string key) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } } };

    /// <summary>What every role reads: its namespace, where to listen (all interfaces, so probes reach it), the broker.</summary>
    public static List<V1EnvVar> ProductEnvironment(bool needsDatabase)
    {
        var env = new List<V1EnvVar>
        {
            FieldRef("Velero__Namespace", "metadata.namespace"),
            new() { Name = "ASPNETCORE_URLS", Value = $"http://0.0.0.0:{MetricsPort}" },
            SecretRef("ConnectionStrings__RabbitMq", InstallNames.BrokerSecret, InstallNames.ConnectionStringKey),
        };
        if (needsDatabase)
        {
            env.Add(SecretRef("ConnectionStrings__Postgres", InstallNames.DatabaseSecret, InstallNames.ConnectionStringKey));
        }

        return env;
    }

    public static IEnumerable<V1EnvVar> CredentialEnvironment() =>
        CredentialVariables.Select(name => new V1EnvVar { Name = name, Value = "/credentials/cloud" });

    public static V1Volume EmptyDir(string name) => new() { Name = name, EmptyDir = new V1EmptyDirVolumeSource() };

    /// <summary>Upstream's credentials volume: read-only for everyone (0444), as the process's uid may differ from the file's.</summary>
    public static V1Volume CredentialsVolume() => new()
    {
        Name = InstallNames.CloudCredentials,
        Secret = new V1SecretVolumeSource { SecretName = InstallNames.CloudCredentials, DefaultMode = Convert.ToInt32("444", 8) },
    };

    public static V1VolumeMount Mount(string name, string path) => new() { Name = name, MountPath = path };

    /// <summary>
    /// Liveness on <c>/healthz</c> and readiness on <c>/readyz</c> (the bus and, for the scheduler, the database). The
    /// host answers once its start-up checks pass, which wait for RabbitMQ and PostgreSQL: the startup probe gives
    /// that five minutes before liveness counts.
    /// </summary>
    public static void AddProbes(V1Container container)
    {
        container.StartupProbe = Probe("/healthz", failureThreshold: 30);
        container.LivenessProbe = Probe("/healthz", failureThreshold: 3);
        container.ReadinessProbe = Probe("/readyz", failureThreshold: 3);
    }

    private static V1Probe Probe(string path, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = "metrics" },
        PeriodSeconds = 10,
        TimeoutSeconds = 5,
        FailureThreshold = failureThreshold,
    };

    public static List<V1ContainerPort> Ports() => [new V1ContainerPort { Name = "metrics", ContainerPort = MetricsPort }];

    /// <summary>
    /// A plugin init container only copies a few files (upstream sets nothing): small requests, and limits so a
    /// namespace with a LimitRange or ResourceQuota admits the pod.
    /// </summary>
    public static V1ResourceRequirements PluginResources() => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("10m"), ["memory"] = new("16Mi") },
        Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("64Mi") },
    };

    /// <summary>One init container per <c>--plugins</c> image, as upstream's plugin container builder makes it, hardened.</summary>
    public static List<V1Container>? PluginContainers(InstallOptions options, string pullPolicy) =>
        options.Plugins.Count == 0
            ? null
            : [.. options.Plugins.Select(image => new V1Container
            {
                Name = PluginImages.ContainerName(image),
                Image = image,
                ImagePullPolicy = pullPolicy,
                VolumeMounts = [Mount("plugins", "/target")],
                Resources = PluginResources(),
                SecurityContext = PodHardening.Container(),
            })];
}
