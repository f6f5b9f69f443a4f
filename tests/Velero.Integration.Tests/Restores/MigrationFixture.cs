using Amazon.S3;
using k8s;
using Velero.Api.V1;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Install;
using Velero.Kubernetes.Resources;
using Velero.KubeEmulator;

namespace Velero.Integration.Tests.Restores;

/// <summary>
/// Two emulated clusters, <c>dev-a</c> and <c>dev-b</c>, in one kubeconfig, each set up as <c>velero install</c> leaves
/// it, whose default BackupStorageLocations share one bucket of the real Ceph S3 server: what a migration between
/// clusters needs.
/// </summary>
public sealed class MigrationFixture : IAsyncLifetime
{
    public const string Prefix = "migration";

    public string Kubeconfig { get; } = Path.Combine(Path.GetTempPath(), $"velero-migration-{Guid.NewGuid():N}.kubeconfig");

    public string Bucket { get; } = $"migration-{Guid.NewGuid():N}"[..30];

    public KubeEmulator.KubeEmulator ClusterA { get; private set; } = null!;

    public KubeEmulator.KubeEmulator ClusterB { get; private set; } = null!;

    public IKubernetes ClientA { get; private set; } = null!;

    public IKubernetes ClientB { get; private set; } = null!;

    public AmazonS3Client S3 { get; } = CephStorage.Client();

    public async Task InitializeAsync()
    {
        await S3.PutBucketAsync(Bucket);
        ClusterA = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "dev-a", KubeconfigPath = Kubeconfig });
        ClusterB = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "dev-b", KubeconfigPath = Kubeconfig });
        ClientA = await InstallAsync("dev-a");
        ClientB = await InstallAsync("dev-b");
    }

    public async Task<IReadOnlyList<string>> KeysAsync(string folder)
    {
        var prefix = $"{Prefix}/{folder}";
        var response = await S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = Bucket, Prefix = prefix });
        return [.. (response.S3Objects ?? []).Select(o => o.Key[prefix.Length..]).Order(StringComparer.Ordinal)];
    }

    public async Task<Stream> ReadAsync(string key) => (await S3.GetObjectAsync(Bucket, $"{Prefix}/{key}")).ResponseStream;

    public async Task DisposeAsync()
    {
        ClientA.Dispose();
        ClientB.Dispose();
        await ClusterA.DisposeAsync();
        await ClusterB.DisposeAsync();
        S3.Dispose();
        File.Delete(Kubeconfig);
    }

    private async Task<IKubernetes> InstallAsync(string context)
    {
        var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig, currentContext: context));
        await VeleroCrdInstaller.ApplyAsync(client, "velero", TimeSpan.FromSeconds(30));
        await CephStorage.CreateCredentialsSecretAsync(client);
        await new CustomResourceClient<BackupStorageLocation>(client).CreateAsync(CephStorage.Location("default", Bucket, Prefix, isDefault: true));
        return client;
    }
}
