using System.Security.Cryptography;
using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Integration.Tests.Downloads;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Cli;

/// <summary>
/// The local stack a user points <c>velero</c> at: the emulated cluster of <see cref="DownloadFixture"/> (locations on
/// the real Ceph S3 server and a directory), <c>velero server</c> with every role on the real broker and database, and
/// an application in namespace <c>shop</c>. The backup <c>shop-e2e</c> is taken once, by the CLI, for every test.
/// </summary>
public sealed class CliStackFixture : IAsyncLifetime
{
    public const string Shop = "shop";
    public const string BackupName = "shop-e2e";

    /// <summary>Bounds every <c>--wait</c>: a stuck server fails the test instead of hanging it.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(120);

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("velero-cli-e2e-").FullName;
    private readonly Lazy<Task<(int Code, string Out, string Err)>> _backup;
    private TestDatabase _database = null!;

    public CliStackFixture() =>
        _backup = new(() => CliAsync("backup", "create", BackupName, "--include-namespaces", Shop, "--wait"));

    public DownloadFixture Cluster { get; } = new();

    public IKubernetes Client => Cluster.Client;

    public ServiceProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        _database = await TestDatabase.CreateAsync();
        Server = ServiceProcess.Start("velero.dll", Services.Environment(_database, new Dictionary<string, string?>
        {
            ["Clusters__Kubeconfig"] = Cluster.Kubeconfig,
            ["Clusters__Contexts__0"] = DownloadFixture.Context,
            ["Scheduler__Downloads__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }), "server");
        await Server.WaitReadyAsync(Services.ReadyTimeout);
        var locations = new CustomResourceClient<BackupStorageLocation>(Client);
        await Eventually.WaitAsync(
            async () => (await locations.GetAsync(DownloadFixture.Namespace, "default"))?.Status?.Phase == BackupStorageLocationPhase.Available,
            TimeSpan.FromSeconds(30), "the default location did not become Available");
        await CreateShopAsync();
    }

    /// <summary>Runs <c>velero ARGS</c> in-process against the cluster, bounded by <see cref="WaitTimeout"/>.</summary>
    public async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        return await Cluster.CliAsync(_workDirectory, args, timeout.Token);
    }

    /// <summary>
    /// <c>velero backup create shop-e2e --include-namespaces shop --wait</c>, run by whichever test needs it first;
    /// later callers get the same run.
    /// </summary>
    public Task<(int Code, string Out, string Err)> BackupAsync() => _backup.Value;

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await _database.DisposeAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(_workDirectory, recursive: true);
    }

    /// <summary>The application: a ConfigMap and a Deployment that reads it.</summary>
    private async Task CreateShopAsync()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace
        {
            Metadata = new V1ObjectMeta { Name = Shop, Labels = new Dictionary<string, string> { ["team"] = "shop" } },
        });
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "settings", NamespaceProperty = Shop },
            Data = new Dictionary<string, string> { ["currency"] = "EUR" },
        }, Shop);
        var labels = new Dictionary<string, string> { ["app"] = "storefront" };
        await Client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "storefront", NamespaceProperty = Shop, Labels = labels },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "web", Image = "nginx:1.27",
                                EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = "settings" } }],
                            },
                        ],
                    },
                },
            },
        }, Shop);
    }
}
