using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Contracts.Clusters;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Backups;

/// <summary>
/// A Backup resource, the scheduler and the snapshotter as separate processes, the real broker, database and Ceph S3
/// server: what a user gets in the location, on the resource and in the catalog, including when a snapshotter dies
/// or storage refuses a write.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class BackupEndToEndTests(BackupClusterFixture fixture) : IClassFixture<BackupClusterFixture>, IAsyncLifetime
{
    private static readonly TimeSpan BackupTimeout = TimeSpan.FromSeconds(120);

    private readonly CustomResourceClient<Backup> _backups = new(fixture.Client);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_namespace_backup_of_a_real_application_lands_in_object_storage_in_veleros_format()
    {
        await ApplyFixtureAsync("boutique", Path.Combine(RepositoryPaths.Fixtures, "manifests", "microservices-demo", "kubernetes-manifests.yaml"));
        await using var scheduler = await StartSchedulerAsync();
        await using var snapshotter = await StartSnapshotterAsync();

        var backup = await CreateBackupAsync("boutique-1", new BackupSpec { IncludedNamespaces = ["boutique"] });
        var done = await WaitForPhaseAsync(backup.Metadata.Name, BackupPhase.Completed);

        // The resource: defaults of spec 4.1, timestamps, counts.
        Assert.Equal("default", done.Spec.StorageLocation);
        Assert.Equal("720h0m0s", done.Spec.Ttl);
        Assert.Equal("default", done.Metadata.Labels["velero.io/storage-location"]);
        Assert.Equal("1.1.0", done.Status!.FormatVersion);
        Assert.NotNull(done.Status.StartTimestamp);
        Assert.NotNull(done.Status.CompletionTimestamp);
        Assert.True(done.Status.Expiration > DateTime.UtcNow.AddDays(29));
        Assert.Equal(done.Status.Progress!.TotalItems, done.Status.Progress.ItemsBackedUp);

        // The location: every file of spec 1.2, and nothing else.
        var keys = await fixture.BackupKeysAsync("boutique-1");
        Assert.Equal(
        [
            "boutique-1-itemoperations.json.gz", "boutique-1-logs.gz", "boutique-1-podvolumebackups.json.gz",
            "boutique-1-resource-list.json.gz", "boutique-1-results.gz", "boutique-1-volumeinfo.json.gz",
            "boutique-1-volumesnapshots.json.gz", "boutique-1.tar.gz", "velero-backup.json",
        ], keys);

        // The tarball, opened with the platform's tar and gzip: every object of the application, in Velero's paths.
        var entries = await ReadTarballAsync("boutique-1");
        Assert.Equal("1.1.0\n", entries["metadata/version"]);
        var fixtureObjects = await ListAsync(fixture.Client, "boutique");
        Assert.NotEmpty(fixtureObjects);
        foreach (var (resource, name) in fixtureObjects)
        {
            Assert.Contains($"resources/{resource}/namespaces/boutique/{name}.json", entries.Keys);
        }

        Assert.Contains("resources/deployments.apps/v1-preferredversion/namespaces/boutique/frontend.json", entries.Keys);
        Assert.Contains("resources/namespaces/cluster/boutique.json", entries.Keys);
        Assert.DoesNotContain(entries.Keys, k => k.Contains("/namespaces/velero/", StringComparison.Ordinal));
        var frontend = JsonNode.Parse(entries["resources/deployments.apps/namespaces/boutique/frontend.json"])!;
        Assert.Equal("Deployment", (string?)frontend["kind"]);
        Assert.NotNull(frontend["metadata"]!["uid"]);
        Assert.Equal(done.Status.Progress.ItemsBackedUp, entries.Keys.Count(k => k.StartsWith("resources/", StringComparison.Ordinal)
            && !k.Contains("-preferredversion/", StringComparison.Ordinal)));

        // velero-backup.json is the resource as it ended.
        await using (var metadata = await fixture.ReadAsync("boutique-1", "velero-backup.json"))
        {
            var stored = await JsonSerializer.DeserializeAsync<JsonObject>(metadata);
            Assert.Equal("velero.io/v1", (string?)stored!["apiVersion"]);
            Assert.Equal("Backup", (string?)stored["kind"]);
            Assert.Equal(done.Metadata.Uid, (string?)stored["metadata"]!["uid"]);
            Assert.Equal("Completed", (string?)stored["status"]!["phase"]);
        }

        // The catalog keeps the phase history.
        var history = await _database.ScalarAsync<string>(
            "select string_agg(h.phase, ',' order by h.id) from backup_phase_history h join backups b on b.uid = h.backup_uid where b.name = 'boutique-1'");
        Assert.Equal("New,Queued,InProgress,Completed", history);
        Assert.Equal(done.Status.Progress.ItemsBackedUp, await _database.ScalarAsync<int>(
            "select progress_backed_up from backups where name = 'boutique-1'"));
    }

    [Fact]
    public async Task A_snapshotter_killed_mid_backup_is_replaced_and_the_backup_completes_once()
    {
        await SeedConfigMapsAsync("bulk-retry", 3000);
        await using var scheduler = await StartSchedulerAsync();
        var slow = new Dictionary<string, string?> { ["Snapshotter__Collection__PageSize"] = "25" };
        var first = await StartSnapshotterAsync(slow);
        fixture.Cluster.Faults.Latency = TimeSpan.FromMilliseconds(20);
        try
        {
            await CreateBackupAsync("bulk-retry-1", new BackupSpec { IncludedNamespaces = ["bulk-retry"] });
            await WaitForProgressAsync("bulk-retry-1");
            await first.KillAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await first.DisposeAsync();
        }

        fixture.Cluster.Faults.Latency = TimeSpan.Zero;
        await using var second = await StartSnapshotterAsync();
        var done = await WaitForPhaseAsync("bulk-retry-1", BackupPhase.Completed);

        var entries = await ReadTarballAsync("bulk-retry-1");
        Assert.Equal(3000, entries.Keys.Count(k => k.StartsWith("resources/configmaps/namespaces/bulk-retry/bulk-", StringComparison.Ordinal)));
        Assert.Equal(done.Status!.Progress!.ItemsBackedUp, entries.Keys.Count(k => k.StartsWith("resources/", StringComparison.Ordinal)
            && !k.Contains("-preferredversion/", StringComparison.Ordinal)));
        Assert.Single(await fixture.BackupKeysAsync("bulk-retry-1"), k => k.EndsWith(".tar.gz", StringComparison.Ordinal));

        // The same command delivered once more (a broker redelivery) finds the finished backup and writes nothing.
        var tarball = await fixture.S3.GetObjectMetadataAsync(fixture.Bucket, $"{BackupClusterFixture.Prefix}/backups/bulk-retry-1/bulk-retry-1.tar.gz");
        await using (var bus = await TestBus.StartAsync())
        {
            await bus.Publisher.Publish(new CollectBackup
            {
                Backup = new BackupRef { Cluster = await ClusterAsync(), Namespace = "velero", Name = "bulk-retry-1", Uid = done.Metadata.Uid },
                StorageLocation = "default",
                Attempt = 1,
                RequestedAt = DateTimeOffset.UtcNow,
            });
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var again = await fixture.S3.GetObjectMetadataAsync(fixture.Bucket, $"{BackupClusterFixture.Prefix}/backups/bulk-retry-1/bulk-retry-1.tar.gz");
        Assert.Equal(tarball.ETag, again.ETag);
        Assert.Equal(tarball.LastModified, again.LastModified);
        Assert.Equal(BackupPhase.Completed, (await _backups.GetAsync("velero", "bulk-retry-1"))!.Status!.Phase);
    }

    [Fact]
    public async Task A_snapshotter_that_dies_for_good_leaves_a_failed_backup_with_a_reason_and_nothing_listed()
    {
        await SeedConfigMapsAsync("bulk-dead", 2000);
        await using var scheduler = await StartSchedulerAsync(stallTimeout: "00:00:15");
        var first = await StartSnapshotterAsync(new Dictionary<string, string?> { ["Snapshotter__Collection__PageSize"] = "25" });
        fixture.Cluster.Faults.Latency = TimeSpan.FromMilliseconds(20);
        try
        {
            await CreateBackupAsync("bulk-dead-1", new BackupSpec { IncludedNamespaces = ["bulk-dead"] });
            await WaitForProgressAsync("bulk-dead-1");
            await first.KillAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            fixture.Cluster.Faults.Latency = TimeSpan.Zero;
            await first.DisposeAsync();
        }

        var failed = await WaitForPhaseAsync("bulk-dead-1", BackupPhase.Failed);
        Assert.StartsWith("backup stalled", failed.Status!.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain("velero-backup.json", await fixture.BackupKeysAsync("bulk-dead-1"));
    }

    [Fact]
    public async Task A_write_refused_by_storage_fails_the_backup_and_removes_what_was_written()
    {
        await SeedConfigMapsAsync("refused", 50);
        // Ceph honours bucket policies: refuse one of the last files, after the tarball went in.
        await fixture.S3.PutBucketPolicyAsync(fixture.Bucket, $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:PutObject",
             "Resource":"arn:aws:s3:::{{fixture.Bucket}}/{{BackupClusterFixture.Prefix}}/backups/refused-1/refused-1-volumeinfo.json.gz"}]}
            """);
        try
        {
            await using var scheduler = await StartSchedulerAsync();
            await using var snapshotter = await StartSnapshotterAsync();
            await CreateBackupAsync("refused-1", new BackupSpec { IncludedNamespaces = ["refused"] });

            var failed = await WaitForPhaseAsync("refused-1", BackupPhase.Failed);
            Assert.Contains("AccessDenied", failed.Status!.FailureReason, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(await fixture.BackupKeysAsync("refused-1"));
            Assert.DoesNotContain(TestInfrastructure.S3SecretKey, snapshotter.Output, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.S3.DeleteBucketPolicyAsync(fixture.Bucket);
        }
    }

    [Fact]
    public async Task The_single_velero_server_process_takes_backups_as_the_separate_services_do()
    {
        await SeedConfigMapsAsync("single", 20);
        // What the drop-in Deployment runs: `velero server`, every role in one process.
        await using var server = ServiceProcess.Start("velero.dll", Environment(new Dictionary<string, string?>()), "server");
        await server.WaitReadyAsync(Services.ReadyTimeout);
        await WaitForLocationAsync();

        await CreateBackupAsync("single-1", new BackupSpec { IncludedNamespaces = ["single"] });
        var done = await WaitForPhaseAsync("single-1", BackupPhase.Completed);

        var entries = await ReadTarballAsync("single-1");
        Assert.Equal(20, entries.Keys.Count(k => k.StartsWith("resources/configmaps/namespaces/single/bulk-", StringComparison.Ordinal)));
        Assert.Equal(done.Status!.Progress!.ItemsBackedUp, entries.Keys.Count(k => k.StartsWith("resources/", StringComparison.Ordinal)
            && !k.Contains("-preferredversion/", StringComparison.Ordinal)));
    }

    private async Task<ServiceProcess> StartSchedulerAsync(string stallTimeout = "00:01:00")
    {
        var process = ServiceProcess.Start(Services.HostAssemblies["scheduler"], Environment(new Dictionary<string, string?>
        {
            ["Scheduler__Backups__StallTimeout"] = stallTimeout,
        }));
        await process.WaitReadyAsync(Services.ReadyTimeout);
        await WaitForLocationAsync();
        return process;
    }

    private async Task<ServiceProcess> StartSnapshotterAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Snapshotter__Backups__HeartbeatInterval"] = "00:00:02" };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var process = ServiceProcess.Start(Services.HostAssemblies["snapshotter"], Environment(settings));
        await process.WaitReadyAsync(Services.ReadyTimeout);
        return process;
    }

    private Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>(extra)
        {
            ["Clusters__Kubeconfig"] = fixture.Kubeconfig,
            ["Clusters__Contexts__0"] = "e2e",
        };
        return Services.Environment(_database, settings);
    }

    private async Task WaitForLocationAsync()
    {
        var locations = new CustomResourceClient<BackupStorageLocation>(fixture.Client);
        await Eventually.WaitAsync(async () => (await locations.GetAsync("velero", "default"))?.Status?.Phase == BackupStorageLocationPhase.Available,
            TimeSpan.FromSeconds(30), "the default location did not become Available");
    }

    private Task<Backup> CreateBackupAsync(string name, BackupSpec spec) =>
        _backups.CreateAsync(new Backup { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero" }, Spec = spec });

    private async Task<Backup> WaitForPhaseAsync(string name, string phase)
    {
        Backup? backup = null;
        await Eventually.WaitAsync(async () =>
        {
            backup = await _backups.GetAsync("velero", name);
            Assert.False(backup?.Status?.Phase is BackupPhase.Failed or BackupPhase.FailedValidation && phase != backup.Status.Phase,
                $"backup {name} ended {backup?.Status?.Phase}: {backup?.Status?.FailureReason} {string.Join("; ", backup?.Status?.ValidationErrors ?? [])}");
            return backup?.Status?.Phase == phase;
        }, BackupTimeout, $"backup {name} did not reach {phase}");
        return backup!;
    }

    private Task WaitForProgressAsync(string name) =>
        Eventually.WaitAsync(async () => (await _backups.GetAsync("velero", name))?.Status?.Progress?.ItemsBackedUp > 0,
            BackupTimeout, $"backup {name} reported no progress");

    private async Task<ClusterRef> ClusterAsync()
    {
        var kubeSystem = await fixture.Client.CoreV1.ReadNamespaceAsync("kube-system");
        return new ClusterRef { Id = kubeSystem.Metadata.Uid, Name = "e2e" };
    }

    private async Task SeedConfigMapsAsync(string ns, int count)
    {
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await fixture.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = $"bulk-{i:D5}", Labels = new Dictionary<string, string> { ["app"] = "bulk" } },
                Data = new Dictionary<string, string> { ["value"] = new('x', 512) },
            }, ns, cancellationToken: ct));
    }

    private async Task ApplyFixtureAsync(string ns, string manifest)
    {
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await Kubectl.ApplyAsync(fixture.Kubeconfig, "e2e", ns, manifest);
    }

    /// <summary>(resource.group, name) of the objects an application put in its namespace, read back from the API.</summary>
    private static async Task<List<(string Resource, string Name)>> ListAsync(IKubernetes client, string ns)
    {
        var result = new List<(string, string)>();
        result.AddRange((await client.AppsV1.ListNamespacedDeploymentAsync(ns)).Items.Select(d => ("deployments.apps", d.Metadata.Name)));
        result.AddRange((await client.CoreV1.ListNamespacedServiceAsync(ns)).Items.Select(s => ("services", s.Metadata.Name)));
        result.AddRange((await client.CoreV1.ListNamespacedServiceAccountAsync(ns)).Items.Select(s => ("serviceaccounts", s.Metadata.Name)));
        result.AddRange((await client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.Select(c => ("configmaps", c.Metadata.Name)));
        return result;
    }

    /// <summary>Every regular file of the backup's tarball, by path, read with System.Formats.Tar over a gzip stream.</summary>
    private async Task<Dictionary<string, string>> ReadTarballAsync(string name)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var body = await fixture.ReadAsync(name, $"{name}.tar.gz");
        await using var gzip = new GZipStream(body, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            Assert.Equal(TarEntryType.RegularFile, entry.EntryType);
            using var reader = new StreamReader(entry.DataStream!);
            entries[entry.Name] = await reader.ReadToEndAsync();
        }

        return entries;
    }
}
