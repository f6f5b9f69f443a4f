using System.Text;
using Amazon.S3.Model;
using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Integration.Tests.Backups;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Deletion;

/// <summary>
/// <c>velero server</c> as a process with <c>--garbage-collection-frequency=2s</c>, the real broker, database and Ceph
/// S3 server: a backup taken with a short TTL is collected once it expires, with everything it left behind.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class TtlExpiryEndToEndTests(BackupClusterFixture fixture) : IClassFixture<BackupClusterFixture>, IAsyncLifetime
{
    private readonly CustomResourceClient<Backup> _backups = new(fixture.Client);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_completed_backup_whose_ttl_passes_is_deleted_with_its_files_and_restores_and_the_catalog_keeps_its_history()
    {
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "short-lived" } });
        for (var i = 0; i < 3; i++)
        {
            await fixture.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = $"settings-{i}" },
                Data = new Dictionary<string, string> { ["value"] = "x" },
            }, "short-lived");
        }

        await using var server = await StartServerAsync();
        var created = await _backups.CreateAsync(new Backup
        {
            Metadata = new V1ObjectMeta { Name = "short-lived-1", NamespaceProperty = "velero" },
            Spec = new BackupSpec { IncludedNamespaces = ["short-lived"], Ttl = "20s" },
        });
        await Eventually.WaitAsync(async () => (await _backups.GetAsync("velero", "short-lived-1"))?.Status?.Phase == BackupPhase.Completed,
            TimeSpan.FromSeconds(30), "the backup did not complete");
        Assert.Contains("short-lived-1.tar.gz", await fixture.BackupKeysAsync("short-lived-1"));

        // A restore of it, with its files beside the backup's.
        await fixture.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = fixture.Bucket,
            Key = $"{BackupClusterFixture.Prefix}/restores/short-lived-1-r/restore-short-lived-1-r-logs.gz",
            InputStream = new MemoryStream(Encoding.UTF8.GetBytes("log")),
        });
        var restores = new CustomResourceClient<Restore>(fixture.Client);
        await restores.CreateAsync(new Restore
        {
            Metadata = new V1ObjectMeta { Name = "short-lived-1-r", NamespaceProperty = "velero" },
            Spec = new RestoreSpec { BackupName = "short-lived-1" },
            Status = new Api.V1.RestoreStatus { Phase = RestorePhase.Completed },
        });

        await Eventually.WaitAsync(async () => await _backups.GetAsync("velero", "short-lived-1") is null,
            TimeSpan.FromSeconds(60), "the expired backup was not collected");

        Assert.Empty(await fixture.BackupKeysAsync("short-lived-1"));
        var restoreFiles = await fixture.S3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = fixture.Bucket,
            Prefix = $"{BackupClusterFixture.Prefix}/restores/short-lived-1-r/",
        });
        Assert.Empty(restoreFiles.S3Objects ?? []);
        Assert.Null(await restores.GetAsync("velero", "short-lived-1-r"));
        Assert.Empty((await new CustomResourceClient<DeleteBackupRequest>(fixture.Client)
            .ListAsync("velero", "velero.io/backup-name=short-lived-1")).Items);

        var uid = created.Metadata.Uid;
        await Eventually.WaitAsync(async () => await _database.ScalarAsync<bool>($"select deleted_at is not null from backups where uid = '{uid}'"),
            TimeSpan.FromSeconds(10), "the catalog did not record the deletion");
        Assert.Equal("Deleting", await _database.ScalarAsync<string>($"select phase from backups where uid = '{uid}'"));
        var history = await _database.ScalarAsync<string>(
            $"select string_agg(phase, ',' order by id) from backup_phase_history where backup_uid = '{uid}'");
        Assert.EndsWith("InProgress,Completed,Deleting", history, StringComparison.Ordinal);
        Assert.Equal("expired:true", await _database.ScalarAsync<string>(
            $"select reason || ':' || succeeded from backup_deletions where backup_uid = '{uid}' and succeeded"));
    }

    private async Task<ServiceProcess> StartServerAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Clusters__Kubeconfig"] = fixture.Kubeconfig,
            ["Clusters__Contexts__0"] = "e2e",
            ["Scheduler__Deletion__ResyncInterval"] = "00:00:02",
        };
        var server = ServiceProcess.Start("velero.dll", Services.Environment(_database, settings), "server",
            "--garbage-collection-frequency=2s");
        await server.WaitReadyAsync(Services.ReadyTimeout);
        var locations = new CustomResourceClient<BackupStorageLocation>(fixture.Client);
        await Eventually.WaitAsync(async () => (await locations.GetAsync("velero", "default"))?.Status?.Phase == BackupStorageLocationPhase.Available,
            TimeSpan.FromSeconds(30), "the default location did not become Available");
        return server;
    }
}
