using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Hooks;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.KubeEmulator;
using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;
using Velero.Restorer.Actions;
using Velero.Restorer.Engine;
using Velero.Selection.Validation;
using Velero.Snapshotter.Collection;

namespace Velero.Restorer.Tests.Support;

/// <summary>
/// The real parts of a restore test: emulated clusters, a filesystem backup location, the snapshotter's collector for
/// the backup and the restore engine, with Backup and Restore objects as the scheduler and the restore controller hand
/// them over (defaulted, validated, InProgress).
/// </summary>
public static class Harness
{
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
            Spec = new BackupSpec { IncludedNamespaces = ["*"], StorageLocation = "default", Ttl = "720h0m0s" },
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

    /// <summary>A full backup of <paramref name="client"/>'s cluster by the snapshotter's collector, which must complete cleanly.</summary>
    public static async Task<Backup> BackUpAsync(k8s.Kubernetes client, ObjectStoreLocation location, string name,
        Action<BackupSpec>? configure = null)
    {
        var backup = Backup(name, configure);
        var collector = new BackupCollector(
            Options.Create(new CollectorOptions { Workers = 8, ProgressInterval = TimeSpan.FromMilliseconds(50) }),
            TimeProvider.System, NullLogger<BackupCollector>.Instance);
        var result = await collector.CollectAsync(new CollectionRequest
        {
            Client = client,
            Backup = backup,
            Location = location,
            StartedAt = DateTimeOffset.UtcNow,
        }, new Progress<CollectionProgress>(), CancellationToken.None);
        Assert.True(result is { Phase: "Completed", Errors: 0 }, $"backup {name}: {result.Phase}, {result.Errors} errors");
        backup.Status!.Phase = result.Phase;
        return backup;
    }

    /// <summary>A Restore as the restore controller hands it over: validated (non-restorable resources excluded), InProgress.</summary>
    public static Restore Restore(string name, string backup, Action<RestoreSpec>? configure = null)
    {
        var restore = new Restore
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero", Uid = Guid.NewGuid().ToString() },
            Spec = new RestoreSpec { BackupName = backup, IncludedNamespaces = ["*"] },
            Status = new RestoreStatus { Phase = RestorePhase.InProgress },
        };
        configure?.Invoke(restore.Spec);
        var excluded = restore.Spec.ExcludedResources ?? [];
        restore.Spec.ExcludedResources = [.. excluded, .. RestoreValidator.NonRestorableResources.Where(r => !excluded.Contains(r))];
        return restore;
    }

    /// <summary>The engine as the restorer runs it: the built-in restore item actions unless others are given.</summary>
    public static RestoreEngine Engine(int workers = 8, IEnumerable<IRestoreItemAction>? actions = null) =>
        new(Options.Create(new RestoreEngineOptions { Workers = workers, ProgressInterval = TimeSpan.FromMilliseconds(50) }),
            actions ?? [.. BuiltInRestoreItemActions.Create(), new InitRestoreHookAction()], null, TimeProvider.System,
            NullLogger<RestoreEngine>.Instance);

    public static Task<RestoreOutcome> RestoreAsync(k8s.Kubernetes client, ObjectStoreLocation location, Backup backup, Restore restore,
        RestoreEngine? engine = null) =>
        (engine ?? Engine()).RestoreAsync(new RestoreRequest
        {
            Client = client,
            Restore = restore,
            Backup = backup,
            Location = location,
            StartedAt = DateTimeOffset.UtcNow,
        }, new Progress<RestoreEngineProgress>(), CancellationToken.None);
}
