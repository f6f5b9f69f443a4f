using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Install;
using Velero.Kubernetes.Resources;
using Velero.KubeEmulator;
using Velero.Testing;

namespace Velero.Integration.Tests.Downloads;

/// <summary>
/// One emulated cluster set up as <c>velero install</c> leaves it, with two locations: <c>default</c> on a bucket of the
/// real Ceph S3 server (which checks signatures) and <c>local</c>, a <c>velero.io/fs</c> directory; the cluster reached
/// as the scheduler reaches it.
/// </summary>
public sealed class DownloadFixture : IAsyncLifetime
{
    public const string Namespace = "velero";
    public const string Context = "downloads";
    public const string Prefix = "dl";
    public const string FileSystemBucket = "velero";

    public string Kubeconfig { get; } = Path.Combine(Path.GetTempPath(), $"velero-downloads-{Guid.NewGuid():N}.kubeconfig");

    public string Bucket { get; } = $"downloads-{Guid.NewGuid():N}"[..30];

    public string FileSystemRoot { get; } = Path.Combine(Path.GetTempPath(), $"velero-downloads-{Guid.NewGuid():N}");

    public KubeEmulator.KubeEmulator Emulator { get; private set; } = null!;

    public IKubernetes Client { get; private set; } = null!;

    public ClusterConnection Cluster { get; private set; } = null!;

    public AmazonS3Client S3 { get; } = CephStorage.Client();

    public CustomResourceClient<DownloadRequest> Requests => new(Client);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(FileSystemRoot, FileSystemBucket));
        Emulator = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = Context, KubeconfigPath = Kubeconfig });
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig, currentContext: Context));
        await VeleroCrdInstaller.ApplyAsync(Client, Namespace, TimeSpan.FromSeconds(30));
        await S3.PutBucketAsync(Bucket);
        await CephStorage.CreateCredentialsSecretAsync(Client);
        var locations = new CustomResourceClient<BackupStorageLocation>(Client);
        await locations.CreateAsync(Location("default", "aws", new ObjectStorageLocation { Bucket = Bucket, Prefix = Prefix },
            new Dictionary<string, string> { ["region"] = "us-east-1", ["s3Url"] = TestInfrastructure.S3Url, ["s3ForcePathStyle"] = "true" }));
        await locations.CreateAsync(Location("local", "velero.io/fs", new ObjectStorageLocation { Bucket = FileSystemBucket },
            new Dictionary<string, string> { ["path"] = FileSystemRoot }));

        using var registry = new ClusterRegistry(Options.Create(new ClusterOptions { Kubeconfig = Kubeconfig, Contexts = [Context] }),
            TimeProvider.System, NullLogger<ClusterRegistry>.Instance);
        await registry.RefreshAsync(CancellationToken.None);
        Cluster = registry.Clusters[0];
        Assert.NotNull(Cluster.Identity);
    }

    /// <summary>Writes <paramref name="content"/> at a key of location <c>default</c>, relative to its prefix.</summary>
    public Task PutS3Async(string key, byte[] content) => S3.PutObjectAsync(new PutObjectRequest
    {
        BucketName = Bucket,
        Key = $"{Prefix}/{key}",
        InputStream = new MemoryStream(content),
    });

    /// <summary>Writes <paramref name="content"/> at a key of location <c>local</c>.</summary>
    public async Task PutFileAsync(string key, byte[] content)
    {
        var path = Path.Combine(FileSystemRoot, FileSystemBucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content);
    }

    public Task<Backup> CreateBackupAsync(string name, string location) => new CustomResourceClient<Backup>(Client).CreateAsync(new Backup
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new BackupSpec { StorageLocation = location },
        // Finished already: a scheduler serving this cluster leaves it alone.
        Status = new BackupStatus { Phase = BackupPhase.Completed },
    });

    public Task<Restore> CreateRestoreAsync(string name, string backup) => new CustomResourceClient<Restore>(Client).CreateAsync(new Restore
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new RestoreSpec { BackupName = backup },
        Status = new Api.V1.RestoreStatus { Phase = RestorePhase.Completed },
    });

    /// <summary>A DownloadRequest as the CLI names it.</summary>
    public Task<DownloadRequest> CreateRequestAsync(string kind, string target) => Requests.CreateAsync(new DownloadRequest
    {
        Metadata = new V1ObjectMeta { Name = $"{target}-{Guid.NewGuid():D}", NamespaceProperty = Namespace },
        Spec = new DownloadRequestSpec { Target = new DownloadTarget { Kind = kind, Name = target } },
    });

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        S3.Dispose();
        File.Delete(Kubeconfig);
        Directory.Delete(FileSystemRoot, recursive: true);
    }

    private static BackupStorageLocation Location(string name, string provider, ObjectStorageLocation storage,
        Dictionary<string, string> config) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new BackupStorageLocationSpec { Provider = provider, ObjectStorage = storage, Config = config },
    };
}
