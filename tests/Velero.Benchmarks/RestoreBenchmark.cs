using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Engine;
using Velero.Restorer.Hooks;
using Velero.Selection.Validation;
using Velero.Snapshotter.Collection;

namespace Velero.Benchmarks;

/// <summary>
/// Restore throughput: a full backup of a seeded emulated cluster, restored by the restore engine into an empty
/// emulated cluster (each emulator a process of its own, so CPU and peak memory are the restorer's). See
/// docs/benchmarks.md.
/// </summary>
internal static class RestoreBenchmark
{
    public static async Task RunAsync(int[] sizes, string store, int workers)
    {
        Console.WriteLine($"restore benchmark: {Environment.ProcessorCount} cores, workers {workers}, store {(store == "fs" ? "filesystem" : "S3")}");
        Console.WriteLine("| objects | items in backup | items restored | restore s | objects/s | peak RSS MiB | phase |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            var directory = Directory.CreateTempSubdirectory("velero-bench-");
            using var location = await BenchLocation.CreateAsync(store, directory);
            var backup = await BackUpAsync(size, location);

            using var target = await EmulatorProcess.StartAsync();
            using var client = new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(target.Kubeconfig, currentContext: EmulatorProcess.Context));
            var engine = new RestoreEngine(Options.Create(new RestoreEngineOptions { Workers = workers, ProgressInterval = TimeSpan.FromMilliseconds(100) }),
                [.. BuiltInRestoreItemActions.Create(), new InitRestoreHookAction()], null, TimeProvider.System,
                NullLogger<RestoreEngine>.Instance);
            var restore = new Restore
            {
                Metadata = new k8s.Models.V1ObjectMeta { Name = $"bench-{size}-restore", NamespaceProperty = "velero", Uid = Guid.NewGuid().ToString() },
                Spec = new RestoreSpec
                {
                    BackupName = backup.Metadata.Name,
                    IncludedNamespaces = ["*"],
                    ExcludedResources = [.. RestoreValidator.NonRestorableResources],
                },
                Status = new RestoreStatus { Phase = RestorePhase.InProgress },
            };

            PeakMemory.Reset();
            var run = Stopwatch.StartNew();

            // The timeline from progress reports: until the first item is restored (tarball spooled, discovery), the
            // items, and after the last one (the restore's files).
            var firstItem = TimeSpan.Zero;
            var lastItem = TimeSpan.Zero;
            var progress = new Progress<RestoreEngineProgress>(p =>
            {
                if (p.ItemsRestored > 0 && firstItem == TimeSpan.Zero)
                {
                    firstItem = run.Elapsed;
                }

                if (p.TotalItems > 0 && p.ItemsRestored == p.TotalItems && lastItem == TimeSpan.Zero)
                {
                    lastItem = run.Elapsed;
                }
            });
            var outcome = await engine.RestoreAsync(new RestoreRequest
            {
                Client = client,
                Restore = restore,
                Backup = backup,
                Location = location,
                StartedAt = DateTimeOffset.UtcNow,
            }, progress, CancellationToken.None);
            run.Stop();
            var peak = PeakMemory.PeakBytes();

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {backup.Status!.Progress?.TotalItems:N0} | {outcome.ItemsRestored:N0} | {run.Elapsed.TotalSeconds:F2} | {outcome.ItemsRestored / run.Elapsed.TotalSeconds:N0} | {peak / 1048576.0:F0} | {outcome.Phase} |"));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timeline: first item restored at {firstItem.TotalSeconds:F2}s, last at {lastItem.TotalSeconds:F2}s (±0.1 s), done at {run.Elapsed.TotalSeconds:F2}s"));
            Console.Error.WriteLine($"restore {outcome.Phase} ({outcome.FailureReason}): {outcome.Warnings} warnings, {outcome.Errors} errors");
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Seeds a source emulator with <paramref name="size"/> objects and backs it up in full by the snapshotter's collector.</summary>
    private static async Task<Backup> BackUpAsync(int size, Velero.ObjectStorage.Locations.ObjectStoreLocation location)
    {
        using var source = await EmulatorProcess.StartAsync();
        using var client = new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(source.Kubeconfig, currentContext: EmulatorProcess.Context));
        await ClusterSeeder.SeedAsync(client, size, CancellationToken.None);
        var backup = new Backup
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = $"bench-{size}", NamespaceProperty = "velero", Uid = Guid.NewGuid().ToString() },
            Spec = new BackupSpec { IncludedNamespaces = ["*"], StorageLocation = "default", Ttl = "720h0m0s" },
            Status = new BackupStatus { Phase = BackupPhase.InProgress, Version = 1, FormatVersion = "1.1.0" },
        };
        var collector = new BackupCollector(Options.Create(new CollectorOptions()), TimeProvider.System, NullLogger<BackupCollector>.Instance);
        var result = await collector.CollectAsync(new CollectionRequest
        {
            Client = client,
            Backup = backup,
            Location = location,
            StartedAt = DateTimeOffset.UtcNow,
        }, new Progress<CollectionProgress>(), CancellationToken.None);
        backup.Status.Phase = result.Phase;
        backup.Status.Progress = new BackupProgress { TotalItems = result.TotalItems, ItemsBackedUp = result.ItemsBackedUp };
        Console.Error.WriteLine($"backed up {result.ItemsBackedUp} items ({result.Phase})");
        return backup;
    }
}
