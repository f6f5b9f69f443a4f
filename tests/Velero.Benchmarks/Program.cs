using System.Diagnostics;
using System.Globalization;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.Benchmarks;
using Velero.Snapshotter.Collection;
using Velero.Testing;

// Backup throughput: a full-cluster backup of a seeded emulated cluster to the real S3 server, against a bare
// paged LIST of the same objects by the same client with the same page size. With `restore` first: restore
// throughput instead (RestoreBenchmark). See docs/benchmarks.md.
var sizes = Option(args, "--objects", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var store = Option(args, "--store", "s3");
if (args.FirstOrDefault() == "restore")
{
    await RestoreBenchmark.RunAsync(sizes, store, int.Parse(Option(args, "--workers", "16"), CultureInfo.InvariantCulture));
    return;
}

var collectorOptions = new CollectorOptions
{
    Workers = int.Parse(Option(args, "--workers", new CollectorOptions().Workers.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    PageSize = int.Parse(Option(args, "--page-size", new CollectorOptions().PageSize.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
};

Console.WriteLine($"backup benchmark: {Environment.ProcessorCount} cores, workers {collectorOptions.Workers}, page size {collectorOptions.PageSize}, store {(store == "fs" ? "filesystem" : "S3 " + TestInfrastructure.S3Url)}");
Console.WriteLine("| objects | items backed up | LIST s | backup s | objects/s | backup/LIST | peak RSS MiB | tarball MiB |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var size in sizes)
{
    using var emulator = await EmulatorProcess.StartAsync();
    using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(emulator.Kubeconfig, currentContext: EmulatorProcess.Context));
    var seed = Stopwatch.StartNew();
    await ClusterSeeder.SeedAsync(client, size, CancellationToken.None);
    Console.Error.WriteLine($"seeded {size} objects in {seed.Elapsed.TotalSeconds:F1}s");

    var list = Stopwatch.StartNew();
    var listed = await BareList.CountAsync(client, collectorOptions.PageSize, CancellationToken.None);
    list.Stop();

    var directory = Directory.CreateTempSubdirectory("velero-bench-");
    using var location = await BenchLocation.CreateAsync(store, directory);

    var collector = new BackupCollector(Options.Create(collectorOptions), TimeProvider.System, NullLogger<BackupCollector>.Instance);
    var backup = new Backup
    {
        Metadata = new k8s.Models.V1ObjectMeta { Name = $"bench-{size}", NamespaceProperty = "velero", Uid = Guid.NewGuid().ToString() },
        Spec = new BackupSpec { IncludedNamespaces = ["*"], StorageLocation = "default", Ttl = "720h0m0s" },
        Status = new BackupStatus { Phase = BackupPhase.InProgress, Version = 1, FormatVersion = "1.1.0" },
    };
    PeakMemory.Reset();
    var run = Stopwatch.StartNew();
    var result = await collector.CollectAsync(new CollectionRequest
    {
        Client = client,
        Backup = backup,
        Location = location,
        StartedAt = DateTimeOffset.UtcNow,
    }, new Progress<CollectionProgress>(), CancellationToken.None);
    run.Stop();
    var peak = PeakMemory.PeakBytes();

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {size:N0} | {result.ItemsBackedUp:N0} | {list.Elapsed.TotalSeconds:F2} | {run.Elapsed.TotalSeconds:F2} | {result.ItemsBackedUp / run.Elapsed.TotalSeconds:N0} | {run.Elapsed / list.Elapsed:F2} | {peak / 1048576.0:F0} | {result.TarballBytes / 1048576.0:F1} |"));
    Console.Error.WriteLine($"bare LIST saw {listed} objects; backup phase {result.Phase}, {result.Warnings} warnings, {result.Errors} errors");
    directory.Delete(recursive: true);
}

static string Option(string[] args, string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
