using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.KubeEmulator;
using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;
using Velero.Snapshotter.Collection;

namespace Velero.Snapshotter.Tests.Support;

/// <summary>Builds the real parts a collection test needs: an emulated cluster, a filesystem location, the collector.</summary>
public static class Harness
{
    public static BackupCollector Collector(int workers = 4, int pageSize = 500) =>
        new(Options.Create(new CollectorOptions { Workers = workers, PageSize = pageSize, ProgressInterval = TimeSpan.FromMilliseconds(50) }),
            TimeProvider.System, NullLogger<BackupCollector>.Instance);

    public static Task<KubeEmulator.KubeEmulator> ClusterAsync(string? seedDirectory = null) =>
        KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { SeedDirectory = seedDirectory, SecureListen = null });

    public static k8s.Kubernetes Client(KubeEmulator.KubeEmulator cluster) =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath));

    public static ObjectStoreLocation FileSystemLocation(TempDirectory directory) =>
        new ObjectStoreFactory().Create(new BackupStorageLocationConfig
        {
            Name = "default",
            Provider = "velero.io/fs",
            Bucket = "velero",
            Config = new Dictionary<string, string> { ["path"] = directory.Path },
        });

    /// <summary>A Backup as the scheduler hands it over: defaulted, phase InProgress.</summary>
    public static Backup Backup(string name, Action<BackupSpec>? configure = null)
    {
        var backup = new Backup
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = "velero",
                Uid = Guid.NewGuid().ToString(),
                Labels = new Dictionary<string, string> { ["velero.io/storage-location"] = "default" },
            },
            Spec = new BackupSpec
            {
                IncludedNamespaces = ["*"],
                StorageLocation = "default",
                Ttl = "720h0m0s",
            },
            Status = new BackupStatus
            {
                Phase = BackupPhase.InProgress,
                Expiration = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                FormatVersion = "1.1.0",
                Version = 1,
            },
        };
        configure?.Invoke(backup.Spec);
        return backup;
    }

    public static async Task<CollectionResult> RunAsync(BackupCollector collector, IKubernetes client, ObjectStoreLocation location,
        Backup backup, RecordingProgress? progress = null, CancellationToken cancellationToken = default) =>
        await collector.CollectAsync(new CollectionRequest
        {
            Client = client,
            Backup = backup,
            Location = location,
            StartedAt = DateTimeOffset.UtcNow,
        }, progress ?? new RecordingProgress(), cancellationToken);
}

/// <summary>A backup to a filesystem location of its own, read back.</summary>
public static class Backups
{
    public static async Task<(CollectionResult Result, BackupContents Contents)> RunAsync(KubeEmulator.KubeEmulator cluster, string name,
        Action<BackupSpec>? spec = null, int pageSize = 500, RecordingProgress? progress = null)
    {
        using var directory = new TempDirectory();
        using var location = Harness.FileSystemLocation(directory);
        using var client = Harness.Client(cluster);
        var result = await Harness.RunAsync(Harness.Collector(pageSize: pageSize), client, location, Harness.Backup(name, spec), progress);
        return (result, await BackupContents.ReadAsync(location, name));
    }
}

/// <summary>Keeps every progress report, synchronously.</summary>
public sealed class RecordingProgress : IProgress<CollectionProgress>
{
    public ConcurrentQueue<CollectionProgress> Reports { get; } = new();

    public void Report(CollectionProgress value) => Reports.Enqueue(value);
}
