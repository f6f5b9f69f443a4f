using k8s;
using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// PostgreSQL in the namespace, when no <c>--database-url</c> is given: the official image, run as its
/// <c>postgres</c> user (999) with a read-only root filesystem; the data directory on the claim, the socket
/// directory and /tmp on emptyDirs. The user and password come from the <c>velero-database</c> Secret.
/// </summary>
public static class DatabaseResources
{
    public const int Port = 5432;

    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> For(InstallOptions options)
    {
        if (!options.InNamespaceDatabase)
        {
            return [];
        }

        var name = InstallNames.Database;
        var ready = new V1ExecAction
        {
            Command = ["pg_isready", "-h", "127.0.0.1", "-U", SecretResources.DatabaseUser, "-d", SecretResources.DatabaseName],
        };
        var container = new V1Container
        {
            Name = "postgres",
            Image = options.DatabaseImage,
            Ports = [new V1ContainerPort { Name = "postgres", ContainerPort = Port }],
            Env =
            [
                ServerPod.SecretRef("POSTGRES_USER", InstallNames.DatabaseSecret, InstallNames.UsernameKey),
                ServerPod.SecretRef("POSTGRES_PASSWORD", InstallNames.DatabaseSecret, InstallNames.PasswordKey),
                new V1EnvVar { Name = "POSTGRES_DB", Value = SecretResources.DatabaseName },
                // A directory below the claim's root, which may hold lost+found.
                new V1EnvVar { Name = "PGDATA", Value = "/var/lib/postgresql/data/pgdata" },
            ],
            VolumeMounts =
            [
                ServerPod.Mount("data", "/var/lib/postgresql/data"),
                ServerPod.Mount("run", "/var/run/postgresql"),
                ServerPod.Mount("tmp", "/tmp"),
            ],
            ReadinessProbe = new V1Probe { Exec = ready, PeriodSeconds = 10, TimeoutSeconds = 5 },
            LivenessProbe = new V1Probe
            {
                TcpSocket = new V1TCPSocketAction { Port = "postgres" }, InitialDelaySeconds = 30, PeriodSeconds = 30, FailureThreshold = 5,
            },
            Resources = DataStoreWorkload.Resources("100m", "256Mi", "1Gi"),
        };
        List<V1Volume> volumes = [ServerPod.EmptyDir("run"), ServerPod.EmptyDir("tmp")];
        return
        [
            DataStoreWorkload.Service(options, name, "postgres", Port),
            DataStoreWorkload.NetworkPolicy(options, name, Port),
            DataStoreWorkload.StatefulSet(options, name, container, "10Gi", volumes),
            DisruptionBudgets.For(options, name, DataStoreWorkload.Selector(name)),
        ];
    }
}
