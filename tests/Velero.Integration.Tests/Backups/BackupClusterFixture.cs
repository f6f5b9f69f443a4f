using Amazon.S3;
using k8s;
using Velero.Api.V1;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Install;
using Velero.Kubernetes.Resources;
using Velero.KubeEmulator;

namespace Velero.Integration.Tests.Backups;

/// <summary>
/// One emulated cluster set up as <c>velero install</c> leaves it (CRDs, the velero namespace, the cloud-credentials
/// Secret, a default BackupStorageLocation) on its own bucket of the real Ceph S3 server.
/// </summary>
public sealed class BackupClusterFixture : IAsyncLifetime
{
    public const string Prefix = "cluster-e2e";

    public string Kubeconfig { get; } = Path.Combine(Path.GetTempPath(), $"velero-backups-{Guid.NewGuid():N}.kubeconfig");

    public string Bucket { get; } = $"backups-{Guid.NewGuid():N}"[..30];

    public KubeEmulator.KubeEmulator Cluster { get; private set; } = null!;

    public IKubernetes Client { get; private set; } = null!;

    public AmazonS3Client S3 { get; } = CephStorage.Client();

    public async Task InitializeAsync()
    {
        Cluster = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "e2e", KubeconfigPath = Kubeconfig });
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig, currentContext: "e2e"));
        await VeleroCrdInstaller.ApplyAsync(Client, "velero", TimeSpan.FromSeconds(30));
        await S3.PutBucketAsync(Bucket);
        await CephStorage.CreateCredentialsSecretAsync(Client);
        await new CustomResourceClient<BackupStorageLocation>(Client).CreateAsync(CephStorage.Location("default", Bucket, Prefix, isDefault: true));
    }

    /// <summary>Every key under <c>backups/&lt;name&gt;/</c> of the location, relative to that folder.</summary>
    public async Task<IReadOnlyList<string>> BackupKeysAsync(string name)
    {
        var folder = $"{Prefix}/backups/{name}/";
        var response = await S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = Bucket, Prefix = folder });
        return [.. (response.S3Objects ?? []).Select(o => o.Key[folder.Length..]).Order(StringComparer.Ordinal)];
    }

    public async Task<Stream> ReadAsync(string name, string file) =>
        (await S3.GetObjectAsync(Bucket, $"{Prefix}/backups/{name}/{file}")).ResponseStream;

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Cluster.DisposeAsync();
        S3.Dispose();
        File.Delete(Kubeconfig);
    }
}
