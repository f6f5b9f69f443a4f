using System.IO.Compression;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.Cli;
using Velero.Cli.CommandLine;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Install;
using Velero.Kubernetes.Resources;
using Velero.KubeEmulator;
using Velero.Scheduler.Persistence;
using Velero.Testing;

namespace Velero.Integration.Tests.Deletion;

/// <summary>
/// One emulated cluster set up as <c>velero install</c> leaves it, with two Available locations on one bucket of the
/// real Ceph S3 server (<c>default</c>, and <c>archive</c>, read-only), the cluster reached as the scheduler reaches it,
/// and a migrated catalog database of its own.
/// </summary>
public sealed class DeletionFixture : IAsyncLifetime
{
    public const string Namespace = "velero";
    public const string Context = "deletion";
    public const string Prefix = "del";

    public string Kubeconfig { get; } = Path.Combine(Path.GetTempPath(), $"velero-deletion-{Guid.NewGuid():N}.kubeconfig");

    public string Bucket { get; } = $"deletion-{Guid.NewGuid():N}"[..30];

    public KubeEmulator.KubeEmulator Emulator { get; private set; } = null!;

    public IKubernetes Client { get; private set; } = null!;

    public ClusterRegistry Registry { get; private set; } = null!;

    public ClusterConnection Cluster { get; private set; } = null!;

    public AmazonS3Client S3 { get; } = CephStorage.Client();

    public TestDatabase Database { get; private set; } = null!;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = Context, KubeconfigPath = Kubeconfig });
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig, currentContext: Context));
        await VeleroCrdInstaller.ApplyAsync(Client, Namespace, TimeSpan.FromSeconds(30));
        await S3.PutBucketAsync(Bucket);
        await CephStorage.CreateCredentialsSecretAsync(Client);
        await CreateLocationAsync("default", BackupStorageLocationAccessMode.ReadWrite);
        await CreateLocationAsync("archive", BackupStorageLocationAccessMode.ReadOnly);

        Registry = new ClusterRegistry(Options.Create(new ClusterOptions { Kubeconfig = Kubeconfig, Contexts = [Context] }),
            TimeProvider.System, NullLogger<ClusterRegistry>.Instance);
        await Registry.RefreshAsync(CancellationToken.None);
        Cluster = Registry.Clusters[0];
        Assert.NotNull(Cluster.Identity);

        Database = await TestDatabase.CreateAsync();
        DataSource = Database.CreateDataSource();
        await new MigrationRunner(DataSource, NullLogger<MigrationRunner>.Instance).RunAsync(CancellationToken.None);
    }

    public string ClusterId => Cluster.Identity!.Id;

    public CustomResourceClient<Backup> Backups => new(Client);

    public CustomResourceClient<Restore> Restores => new(Client);

    public CustomResourceClient<DeleteBackupRequest> Requests => new(Client);

    public CustomResourceClient<BackupStorageLocation> Locations => new(Client);

    /// <summary>
    /// A finished backup as the platform leaves one: its files in the location (velero-backup.json last), its resource
    /// and its catalog record with history.
    /// </summary>
    public async Task<Backup> SeedBackupAsync(string name, string location = "default", string phase = BackupPhase.Completed,
        DateTimeOffset? expiration = null, string volumeSnapshotsJson = "null")
    {
        foreach (var (file, content) in new[]
                 {
                     ($"{name}.tar.gz", "tarball"), ($"{name}-logs.gz", "log"), ($"{name}-results.gz", "{}"),
                     ($"{name}-resource-list.json.gz", "{}"), ($"{name}-podvolumebackups.json.gz", "null"),
                 })
        {
            await PutAsync($"backups/{name}/{file}", Encoding.UTF8.GetBytes(content));
        }

        await PutAsync($"backups/{name}/{name}-volumesnapshots.json.gz", Gzip(volumeSnapshotsJson));
        var backup = await Backups.CreateAsync(new Backup
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = Namespace,
                Labels = new Dictionary<string, string> { ["velero.io/storage-location"] = location },
            },
            Spec = new BackupSpec { StorageLocation = location, Ttl = "1h0m0s" },
            Status = new BackupStatus { Phase = phase, Expiration = (expiration ?? DateTimeOffset.UtcNow.AddDays(30)).UtcDateTime },
        });
        await PutAsync($"backups/{name}/velero-backup.json", Encoding.UTF8.GetBytes(KubernetesJson.Serialize(backup)));

        await using var command = DataSource.CreateCommand("""
            with inserted as (
                insert into backups (uid, cluster_id, cluster_name, namespace, name, phase, storage_location, expiration,
                                     created_at, first_seen_at)
                values (@uid, @cluster, @clusterName, @namespace, @name, @phase, @location, @expiration, now(), now())
                returning uid)
            insert into backup_phase_history (backup_uid, phase, at) select uid, @phase, now() from inserted
            """);
        command.Parameters.AddWithValue("uid", backup.Metadata.Uid);
        command.Parameters.AddWithValue("cluster", ClusterId);
        command.Parameters.AddWithValue("clusterName", Context);
        command.Parameters.AddWithValue("namespace", Namespace);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("phase", phase);
        command.Parameters.AddWithValue("location", location);
        command.Parameters.AddWithValue("expiration", expiration ?? DateTimeOffset.UtcNow.AddDays(30));
        await command.ExecuteNonQueryAsync();
        return backup;
    }

    /// <summary>A finished Restore of <paramref name="backup"/> with its files beside the backup's.</summary>
    public async Task<Restore> SeedRestoreAsync(string name, string backup)
    {
        await PutAsync($"restores/{name}/restore-{name}-logs.gz", Encoding.UTF8.GetBytes("log"));
        await PutAsync($"restores/{name}/restore-{name}-results.gz", Encoding.UTF8.GetBytes("{}"));
        return await Restores.CreateAsync(new Restore
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new RestoreSpec { BackupName = backup },
            Status = new Api.V1.RestoreStatus { Phase = RestorePhase.Completed },
        });
    }

    public Task PutAsync(string key, byte[] content) => S3.PutObjectAsync(new PutObjectRequest
    {
        BucketName = Bucket,
        Key = $"{Prefix}/{key}",
        InputStream = new MemoryStream(content),
    });

    /// <summary>Every key under a folder of the location, relative to the location's root.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync(string folder)
    {
        var response = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = $"{Prefix}/{folder}" });
        return [.. (response.S3Objects ?? []).Select(o => o.Key[(Prefix.Length + 1)..]).Order(StringComparer.Ordinal)];
    }

    public async Task<List<DeleteBackupRequest>> RequestsForAsync(string backup) =>
        [.. (await Requests.ListAsync(Namespace, $"velero.io/backup-name={backup}")).Items];

    /// <summary>Runs the <c>velero</c> CLI in-process against this cluster: exit code and output.</summary>
    public async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var home = Path.GetTempPath();
        var env = new CliEnvironment { Out = output, Err = error, Variable = _ => null, HomeDirectory = home, WorkingDirectory = home };
        var code = await VeleroCommand.RunAsync([.. args, "--kubeconfig", Kubeconfig, "--kubecontext", Context], env, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Database.DisposeAsync();
        Registry.Dispose();
        Client.Dispose();
        await Emulator.DisposeAsync();
        S3.Dispose();
        File.Delete(Kubeconfig);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private async Task CreateLocationAsync(string name, string accessMode)
    {
        var location = CephStorage.Location(name, Bucket, Prefix, isDefault: name == "default", veleroNamespace: Namespace);
        location.Spec.AccessMode = accessMode;
        await Locations.CreateAsync(location);
        // What the location validator would have found.
        await Locations.PatchStatusAsync(Namespace, name, new BackupStorageLocationStatus { Phase = BackupStorageLocationPhase.Available });
    }
}
