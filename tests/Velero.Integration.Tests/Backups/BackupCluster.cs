using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Integration.Tests.Clusters;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Backups;

/// <summary>
/// The emulated cluster dev-a ready for backups (a default <c>velero.io/fs</c> location), a scheduler serving it on a
/// database of its own, and helpers to create Backups and watch them move.
/// </summary>
internal sealed class BackupCluster : IAsyncDisposable
{
    public const string Namespace = "velero";

    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(40);

    private BackupCluster(IKubernetes client, TestDatabase database, ServiceProcess scheduler, string storageDirectory)
    {
        Client = client;
        Database = database;
        Scheduler = scheduler;
        StorageDirectory = storageDirectory;
        Backups = new CustomResourceClient<Backup>(client);
    }

    public IKubernetes Client { get; }

    public TestDatabase Database { get; }

    public ServiceProcess Scheduler { get; }

    public string StorageDirectory { get; }

    public CustomResourceClient<Backup> Backups { get; }

    public static async Task<BackupCluster> StartAsync(ClusterFixture clusters, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var client = clusters.Client("dev-a");
        var storage = Path.Combine(Path.GetTempPath(), $"velero-backups-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(storage, "velero"));
        var locations = new CustomResourceClient<BackupStorageLocation>(client);
        // Tests of one class share the clusters: a later test points the location at its own directory.
        if (await locations.GetAsync(Namespace, "default") is null)
        {
            await locations.CreateAsync(new BackupStorageLocation
            {
                Metadata = new V1ObjectMeta { Name = "default", NamespaceProperty = Namespace },
                Spec = new BackupStorageLocationSpec
                {
                    Provider = "velero.io/fs",
                    Default = true,
                    ObjectStorage = new ObjectStorageLocation { Bucket = "velero" },
                    Config = new Dictionary<string, string> { ["path"] = storage },
                },
            });
        }
        else
        {
            await locations.PatchAsync(Namespace, "default", new { spec = new { config = new { path = storage } } });
        }

        var database = await TestDatabase.CreateAsync();
        var environment = Services.Environment(database, new Dictionary<string, string?>
        {
            ["Clusters__Kubeconfig"] = clusters.Kubeconfig,
            ["Clusters__Contexts__0"] = "dev-a",
        });
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        var scheduler = ServiceProcess.Start("velero.dll", environment, "server", "--roles", "scheduler");
        await scheduler.WaitReadyAsync(Services.ReadyTimeout);
        var cluster = new BackupCluster(client, database, scheduler, storage);
        await cluster.WaitForLocationAsync();
        return cluster;
    }

    /// <summary>Another scheduler replica on the same database and cluster, as a second pod would be.</summary>
    public async Task<ServiceProcess> StartReplicaAsync(ClusterFixture clusters)
    {
        var replica = ServiceProcess.Start("velero.dll", Services.Environment(Database, new Dictionary<string, string?>
        {
            ["Clusters__Kubeconfig"] = clusters.Kubeconfig,
            ["Clusters__Contexts__0"] = "dev-a",
        }), "server", "--roles", "scheduler");
        await replica.WaitReadyAsync(Services.ReadyTimeout);
        return replica;
    }

    /// <summary>A namespace of this test's own, so that backups of other tests never overlap it.</summary>
    public async Task<string> CreateNamespaceAsync()
    {
        var name = $"app-{Guid.NewGuid():N}"[..16];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    public async Task<Backup> CreateBackupAsync(string name, Action<BackupSpec>? spec = null)
    {
        var backup = new Backup { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace } };
        spec?.Invoke(backup.Spec);
        return await Backups.CreateAsync(backup);
    }

    public async Task<Backup> WaitForPhaseAsync(string name, string phase)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout;
        while (true)
        {
            var backup = await Backups.GetAsync(Namespace, name);
            if (backup?.Status?.Phase == phase)
            {
                return backup;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"backup {name} did not become {phase}: {backup?.Status?.Phase}\n{Scheduler.Output}");
            await Task.Delay(200);
        }
    }

    public static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition was not met in time");
            await Task.Delay(200);
        }
    }

    /// <summary>The backup's phases as its history in PostgreSQL lists them.</summary>
    public async Task<string> HistoryAsync(string uid) =>
        await Database.ScalarAsync<string>(
            $"select string_agg(phase, ',' order by id) from backup_phase_history where backup_uid = '{uid}'") ?? "";

    public async Task<T?> ColumnAsync<T>(string uid, string column) =>
        await Database.ScalarAsync<T>($"select {column} from backups where uid = '{uid}'");

    private async Task WaitForLocationAsync()
    {
        var locations = new CustomResourceClient<BackupStorageLocation>(Client);
        var deadline = DateTime.UtcNow + PhaseTimeout;
        while ((await locations.GetAsync(Namespace, "default"))?.Status?.Phase != BackupStorageLocationPhase.Available)
        {
            Assert.True(DateTime.UtcNow < deadline, "the default location did not become Available\n" + Scheduler.Output);
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Scheduler.DisposeAsync();
        // Tests of one class share the cluster but not the database: a Backup left queued or running would be, to the
        // next test's scheduler, one without a record, which it takes in again or fails as upstream does at start.
        foreach (var backup in (await Backups.ListAsync(Namespace)).Items)
        {
            await Backups.DeleteAsync(Namespace, backup.Metadata.Name);
        }

        await Database.DisposeAsync();
        Client.Dispose();
        Directory.Delete(StorageDirectory, recursive: true);
    }
}
