using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api;
using Velero.Api.V1;
using Velero.Integration.Tests.Downloads;
using Velero.Integration.Tests.Restores;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;
using Velero.Scheduler.Backups;
using Velero.Scheduler.Catalog;
using Velero.Scheduler.Locations;
using Velero.Scheduler.Persistence;
using Velero.Scheduler.Sync;
using Velero.Selection.Validation;
using Velero.Testing;

namespace Velero.Integration.Tests.Sync;

/// <summary>
/// The scheduler's sync and catalog parts, in process, serving some of the <see cref="MigrationFixture"/>'s clusters
/// against a database of their own, with a clock the test moves; and helpers that write a backup as a snapshotter
/// leaves it (the Backup resource in its cluster, its files in the shared bucket).
/// </summary>
internal sealed class SyncWorld : IAsyncDisposable
{
    private SyncWorld(MigrationFixture fixture, ManualClock clock, ClusterRegistry clusters, NpgsqlDataSource dataSource,
        BackupSync sync, CatalogRecorder recorder)
    {
        Fixture = fixture;
        Clock = clock;
        Clusters = clusters;
        DataSource = dataSource;
        Sync = sync;
        Recorder = recorder;
    }

    public MigrationFixture Fixture { get; }
    public ManualClock Clock { get; }
    public ClusterRegistry Clusters { get; }
    public NpgsqlDataSource DataSource { get; }
    public BackupSync Sync { get; }
    public CatalogRecorder Recorder { get; }

    public static async Task<SyncWorld> StartAsync(MigrationFixture fixture, TestDatabase database, params string[] contexts)
    {
        var clock = new ManualClock();
        var clusters = new ClusterRegistry(Options.Create(new ClusterOptions { Kubeconfig = fixture.Kubeconfig, Contexts = [.. contexts] }),
            TimeProvider.System, NullLogger<ClusterRegistry>.Instance);
        await clusters.RefreshAsync(CancellationToken.None);
        Assert.All(clusters.Clusters, c => Assert.Equal(ClusterState.Available, c.State));
        var dataSource = database.CreateDataSource();
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).RunAsync(CancellationToken.None);
        var intake = new BackupIntake(dataSource, new BackupValidator(new BackupServerDefaults(), clock),
            new BackupResourceWriter(clusters, clock, NullLogger<BackupResourceWriter>.Instance), new BackupQueueSignal(), clock,
            NullLogger<BackupIntake>.Instance);
        var recorder = new CatalogRecorder(dataSource, intake, clock, NullLogger<CatalogRecorder>.Instance);
        var sync = new BackupSync(clusters, dataSource, Options.Create(new VeleroNamespaceOptions()), Options.Create(new SyncOptions()),
            Options.Create(new StorageLocationOptions()), new ObjectStoreFactory(TimeProvider.System), recorder, clock,
            NullLogger<BackupSync>.Instance);
        return new SyncWorld(fixture, clock, clusters, dataSource, sync, recorder);
    }

    /// <summary>One sync pass, a period after the last, as the scheduler's timer would run it.</summary>
    public async Task SyncAsync()
    {
        Clock.Advance(TimeSpan.FromMinutes(2));
        await Sync.RunOnceAsync(CancellationToken.None);
    }

    public ClusterConnection Cluster(string name) => Clusters.Clusters.Single(c => c.Name == name);

    /// <summary>Sets the location's phase, as its validation would, and forgets when it was last synced (each test's clock
    /// starts afresh).</summary>
    public static async Task SetLocationPhaseAsync(IKubernetes client, string location, string phase) =>
        await new CustomResourceClient<BackupStorageLocation>(client).PatchStatusAsync("velero", location,
            new JsonObject { ["phase"] = phase, ["lastSyncedTime"] = null });

    /// <summary>
    /// A backup as dev-a's platform leaves one: the Backup resource with its final status, and its files in the bucket
    /// under <paramref name="prefix"/> (velero-backup.json being that resource, written last).
    /// </summary>
    public static async Task<Backup> TakeBackupAsync(MigrationFixture fixture, IKubernetes? cluster, string name, string phase,
        int items, string prefix = MigrationFixture.Prefix, string location = "default")
    {
        var now = DateTime.UtcNow;
        var second = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var backup = new Backup
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = "velero",
                Uid = Guid.NewGuid().ToString(),
                Labels = new Dictionary<string, string> { [WellKnown.StorageLocationLabel] = location, ["team"] = "shop" },
            },
            Spec = new BackupSpec { IncludedNamespaces = ["shop"], StorageLocation = location, Ttl = "720h0m0s" },
            Status = new BackupStatus
            {
                Phase = phase,
                Version = 1,
                FormatVersion = "1.1.0",
                StartTimestamp = second.AddSeconds(-10),
                CompletionTimestamp = second,
                Expiration = second.AddDays(30),
                Progress = new BackupProgress { TotalItems = items, ItemsBackedUp = items },
                Errors = phase == BackupPhase.PartiallyFailed ? 1 : null,
            },
        };
        if (cluster is not null)
        {
            backup = await new CustomResourceClient<Backup>(cluster).CreateAsync(backup);
        }

        await PutAsync(fixture, $"{prefix}/backups/{name}/{name}.tar.gz", Encoding.UTF8.GetBytes(new string('x', 2048)));
        await PutAsync(fixture, $"{prefix}/backups/{name}/{name}-podvolumebackups.json.gz", Gzip("null"));
        await PutAsync(fixture, $"{prefix}/backups/{name}/velero-backup.json", Encoding.UTF8.GetBytes(KubernetesJson.Serialize(backup)));
        return backup;
    }

    public static async Task RemoveBackupDataAsync(MigrationFixture fixture, string name, string prefix = MigrationFixture.Prefix)
    {
        var listed = await fixture.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = fixture.Bucket, Prefix = $"{prefix}/backups/{name}/" });
        foreach (var item in listed.S3Objects ?? [])
        {
            await fixture.S3.DeleteObjectAsync(fixture.Bucket, item.Key);
        }
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Clusters.StopAsync(CancellationToken.None);
        Clusters.Dispose();
    }

    private static async Task PutAsync(MigrationFixture fixture, string key, byte[] body)
    {
        using var stream = new MemoryStream(body);
        await fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = fixture.Bucket, Key = key, InputStream = stream });
    }
}
