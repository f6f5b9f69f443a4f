using k8s;
using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// RabbitMQ in the namespace, when no <c>--broker-url</c> is given: the official image, run as its <c>rabbitmq</c>
/// user (999) with a read-only root filesystem. Its configuration, with the generated password, is a file of the
/// <c>velero-broker</c> Secret mounted at <c>/etc/rabbitmq</c>; the data (and the Erlang cookie) live on the claim.
/// </summary>
public static class BrokerResources
{
    public const int Port = 5672;

    /// <summary>The broker's configuration file: AMQP only, logs to the console, the install's user.</summary>
    public static string ConfigFile(InstallOptions options) =>
        $"""
        listeners.tcp.default = {Port}
        log.console = true
        log.file = false
        default_user = {SecretResources.BrokerUser}
        default_pass = {options.BrokerPassword}
        """ + "\n";

    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> For(InstallOptions options)
    {
        if (!options.InNamespaceBroker)
        {
            return [];
        }

        var name = InstallNames.Broker;
        var container = new V1Container
        {
            Name = "rabbitmq",
            Image = options.BrokerImage,
            Ports = [new V1ContainerPort { Name = "amqp", ContainerPort = Port }],
            Env =
            [
                // One node, named for localhost so its data survives a new pod IP or hostname.
                new V1EnvVar { Name = "RABBITMQ_NODENAME", Value = "rabbit@localhost" },
                new V1EnvVar { Name = "RABBITMQ_CONFIG_FILE", Value = "/etc/rabbitmq/rabbitmq.conf" },
            ],
            VolumeMounts =
            [
                ServerPod.Mount("data", "/var/lib/rabbitmq"),
                new V1VolumeMount { Name = "config", MountPath = "/etc/rabbitmq", ReadOnlyProperty = true },
                ServerPod.Mount("tmp", "/tmp"),
            ],
            ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "amqp" }, PeriodSeconds = 10 },
            LivenessProbe = new V1Probe
            {
                TcpSocket = new V1TCPSocketAction { Port = "amqp" }, InitialDelaySeconds = 60, PeriodSeconds = 30, FailureThreshold = 5,
            },
            Resources = DataStoreWorkload.Resources("100m", "256Mi", "1Gi"),
        };
        var volumes = new List<V1Volume>
        {
            new()
            {
                Name = "config",
                Secret = new V1SecretVolumeSource
                {
                    SecretName = InstallNames.BrokerSecret,
                    DefaultMode = Convert.ToInt32("440", 8),
                    Items = [new V1KeyToPath { Key = "rabbitmq.conf", Path = "rabbitmq.conf" }],
                },
            },
            ServerPod.EmptyDir("tmp"),
        };
        return
        [
            DataStoreWorkload.Service(options, name, "amqp", Port),
            DataStoreWorkload.NetworkPolicy(options, name, Port),
            DataStoreWorkload.StatefulSet(options, name, container, "2Gi", volumes),
            DisruptionBudgets.For(options, name, DataStoreWorkload.Selector(name)),
        ];
    }
}
