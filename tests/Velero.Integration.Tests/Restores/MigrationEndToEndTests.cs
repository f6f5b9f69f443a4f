using System.IO.Compression;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Restores;

/// <summary>
/// A migration as a platform team runs one: a backup of a real application taken in cluster <c>dev-a</c>, restored by
/// <c>velero server</c> into an empty cluster <c>dev-b</c> under another namespace, through one shared location on the
/// real Ceph S3 server, with the real broker and database.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class MigrationEndToEndTests(MigrationFixture fixture) : IClassFixture<MigrationFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_backup_taken_in_dev_a_restores_into_an_empty_dev_b_under_a_mapped_namespace()
    {
        await fixture.ClientA.CoreV1.CreateNamespaceAsync(new V1Namespace
        {
            Metadata = new V1ObjectMeta { Name = "boutique", Labels = new Dictionary<string, string> { ["team"] = "shop" } },
        });
        await Kubectl.ApplyAsync(fixture.Kubeconfig, "dev-a", "boutique",
            Path.Combine(RepositoryPaths.Fixtures, "manifests", "microservices-demo", "kubernetes-manifests.yaml"));

        // The backup, by the platform serving dev-a.
        var backups = new CustomResourceClient<Backup>(fixture.ClientA);
        await using (var server = await StartServerAsync("dev-a"))
        {
            await backups.CreateAsync(new Backup
            {
                Metadata = new V1ObjectMeta { Name = "boutique-1", NamespaceProperty = "velero" },
                Spec = new BackupSpec { IncludedNamespaces = ["boutique"] },
            });
            await WaitAsync(backups, "boutique-1", b => b.Status?.Phase, BackupPhase.Completed);
        }

        // dev-b learns of the backup from the shared location, as backup sync does: the stored Backup, with its status.
        await CopyBackupToDevBAsync("boutique-1");

        // The restore, by the platform serving both clusters.
        var restores = new CustomResourceClient<Restore>(fixture.ClientB);
        await using (var server = await StartServerAsync("dev-a", "dev-b"))
        {
            await restores.CreateAsync(new Restore
            {
                Metadata = new V1ObjectMeta { Name = "boutique-1-to-b", NamespaceProperty = "velero" },
                Spec = new RestoreSpec
                {
                    BackupName = "boutique-1",
                    NamespaceMapping = new Dictionary<string, string> { ["boutique"] = "boutique-b" },
                },
            });
            var done = await WaitAsync(restores, "boutique-1-to-b", r => r.Status?.Phase, RestorePhase.Completed);
            Assert.Equal(0, done.Status!.Errors ?? 0);
            Assert.NotNull(done.Status.StartTimestamp);
            Assert.NotNull(done.Status.CompletionTimestamp);
            Assert.True(done.Status.Progress!.TotalItems > 20, $"only {done.Status.Progress.TotalItems} items restored");
            Assert.Equal(done.Status.Progress.TotalItems, done.Status.Progress.ItemsRestored);
        }

        // The application is in dev-b under the mapped namespace, as it was in dev-a, labelled by the restore.
        var mapped = await fixture.ClientB.CoreV1.ReadNamespaceAsync("boutique-b");
        Assert.Equal("shop", mapped.Metadata.Labels["team"]);
        var sourceDeployments = (await fixture.ClientA.AppsV1.ListNamespacedDeploymentAsync("boutique")).Items;
        var restoredDeployments = (await fixture.ClientB.AppsV1.ListNamespacedDeploymentAsync("boutique-b")).Items;
        Assert.Equal(sourceDeployments.Select(d => d.Metadata.Name).Order(), restoredDeployments.Select(d => d.Metadata.Name).Order());
        foreach (var restored in restoredDeployments)
        {
            var source = sourceDeployments.Single(d => d.Metadata.Name == restored.Metadata.Name);
            Assert.Equal(KubernetesJson.Serialize(source.Spec), KubernetesJson.Serialize(restored.Spec));
            Assert.Equal("boutique-1", restored.Metadata.Labels[WellKnown.BackupNameLabel]);
            Assert.Equal("boutique-1-to-b", restored.Metadata.Labels[WellKnown.RestoreNameLabel]);
            Assert.NotEqual(source.Metadata.Uid, restored.Metadata.Uid);
        }

        var sourceServices = (await fixture.ClientA.CoreV1.ListNamespacedServiceAsync("boutique")).Items;
        var restoredServices = (await fixture.ClientB.CoreV1.ListNamespacedServiceAsync("boutique-b")).Items;
        Assert.Equal(sourceServices.Select(s => s.Metadata.Name).Order(), restoredServices.Select(s => s.Metadata.Name).Order());
        Assert.All(restoredServices, s => Assert.Equal(
            sourceServices.Single(o => o.Metadata.Name == s.Metadata.Name).Spec.Ports.Select(p => p.Port),
            s.Spec.Ports.Select(p => p.Port)));
        Assert.Empty((await fixture.ClientB.CoreV1.ListNamespacedServiceAsync("boutique")).Items);

        // The restore's files are beside the backup in the shared location, and list what was created.
        Assert.Equal(
        [
            "boutique-1-to-b-volumeinfo.json.gz", "restore-boutique-1-to-b-itemoperations.json.gz", "restore-boutique-1-to-b-logs.gz",
            "restore-boutique-1-to-b-resource-list.json.gz", "restore-boutique-1-to-b-results.gz",
        ], await fixture.KeysAsync("restores/boutique-1-to-b/"));
        var list = await ReadGzipJsonAsync("restores/boutique-1-to-b/restore-boutique-1-to-b-resource-list.json.gz");
        Assert.Contains("boutique-b/frontend(created)", list["apps/v1/Deployment"]!.AsArray().Select(e => (string?)e));
        Assert.Contains("boutique-b(created)", list["v1/Namespace"]!.AsArray().Select(e => (string?)e));

        // The catalog holds the restore with its cluster and phase history.
        Assert.Equal("Completed", await _database.ScalarAsync<string>("select phase from restores where name = 'boutique-1-to-b'"));
    }

    private async Task<ServiceProcess> StartServerAsync(params string[] contexts)
    {
        var settings = new Dictionary<string, string?> { ["Clusters__Kubeconfig"] = fixture.Kubeconfig };
        for (var i = 0; i < contexts.Length; i++)
        {
            settings[$"Clusters__Contexts__{i}"] = contexts[i];
        }

        var server = ServiceProcess.Start("velero.dll", Services.Environment(_database, settings), "server");
        await server.WaitReadyAsync(Services.ReadyTimeout);
        foreach (var client in contexts.Select(c => c == "dev-a" ? fixture.ClientA : fixture.ClientB))
        {
            var locations = new CustomResourceClient<BackupStorageLocation>(client);
            await Eventually.WaitAsync(async () => (await locations.GetAsync("velero", "default"))?.Status?.Phase == BackupStorageLocationPhase.Available,
                TimeSpan.FromSeconds(30), "the default location did not become Available");
        }

        return server;
    }

    private async Task CopyBackupToDevBAsync(string name)
    {
        Backup stored;
        await using (var body = await fixture.ReadAsync($"backups/{name}/velero-backup.json"))
        using (var reader = new StreamReader(body))
        {
            stored = KubernetesJson.Deserialize<Backup>(await reader.ReadToEndAsync());
        }

        var backups = new CustomResourceClient<Backup>(fixture.ClientB);
        await backups.CreateAsync(new Backup
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero", Labels = stored.Metadata.Labels },
            Spec = stored.Spec,
        });
        await backups.PatchStatusAsync("velero", name, stored.Status!);
    }

    private async Task<JsonObject> ReadGzipJsonAsync(string key)
    {
        await using var body = await fixture.ReadAsync(key);
        await using var gzip = new GZipStream(body, CompressionMode.Decompress);
        return (JsonObject)(await JsonNode.ParseAsync(gzip))!;
    }

    private static async Task<T> WaitAsync<T>(CustomResourceClient<T> client, string name, Func<T, string?> phase, string wanted)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        T? current = null;
        await Eventually.WaitAsync(async () =>
        {
            current = await client.GetAsync("velero", name);
            var now = current is null ? null : phase(current);
            Assert.False(now is "Failed" or "FailedValidation" or "PartiallyFailed" && now != wanted,
                $"{name} ended {now}: {KubernetesJson.Serialize(current)}");
            return now == wanted;
        }, Timeout, $"{name} did not reach {wanted}");
        return current!;
    }
}
