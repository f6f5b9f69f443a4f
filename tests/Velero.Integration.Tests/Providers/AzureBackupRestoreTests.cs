using System.Text;
using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Integration.Tests.Cli;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Providers;

/// <summary>
/// A backup and a restore through <c>velero server</c> with an azure BackupStorageLocation on Azurite, set up with
/// the CLI as a user would: a credentials Secret in upstream's Azure format, <c>velero backup-location create
/// --provider azure --config ... --credential ...</c>.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class AzureBackupRestoreTests(CliStackFixture stack) : IClassFixture<CliStackFixture>
{
    [Fact]
    public async Task A_backup_to_an_azure_location_lands_in_the_container_and_restores_into_a_new_namespace()
    {
        var container = await Azurite.CreateContainerAsync("e2e");
        await stack.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "azure-credentials", NamespaceProperty = "velero" },
            Data = new Dictionary<string, byte[]> { ["cloud"] = Encoding.UTF8.GetBytes(Azurite.CredentialsFile()) },
        }, "velero");
        var config = string.Join(',', Azurite.Config().Select(p => $"{p.Key}={p.Value}"));

        var create = await stack.CliAsync("backup-location", "create", "azure", "--provider", "azure", "--bucket", container,
            "--prefix", "velero", "--config", config, "--credential", "azure-credentials=cloud");

        Assert.True(create.Code == 0, create.Err);
        var locations = new CustomResourceClient<BackupStorageLocation>(stack.Client);
        await Eventually.WaitAsync(
            async () => (await locations.GetAsync("velero", "azure"))?.Status?.Phase == BackupStorageLocationPhase.Available,
            TimeSpan.FromSeconds(30), "the azure location did not become Available");

        var backup = await stack.CliAsync("backup", "create", "shop-azure", "--include-namespaces", CliStackFixture.Shop,
            "--storage-location", "azure", "--wait");

        Assert.True(backup.Code == 0, $"{backup.Out}\n{backup.Err}\n{stack.Server.Output}");
        Assert.Contains("Backup completed with status: Completed.", backup.Out, StringComparison.Ordinal);
        var blobs = new List<string>();
        await foreach (var blob in Azurite.Client().GetBlobContainerClient(container).GetBlobsAsync(
            new global::Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "velero/backups/shop-azure/" }))
        {
            blobs.Add(blob.Name);
        }

        Assert.Contains("velero/backups/shop-azure/velero-backup.json", blobs);
        Assert.Contains("velero/backups/shop-azure/shop-azure.tar.gz", blobs);

        var restore = await stack.CliAsync("restore", "create", "shop-from-azure", "--from-backup", "shop-azure",
            "--namespace-mappings", $"{CliStackFixture.Shop}:shop-azure", "--wait");

        Assert.True(restore.Code == 0, $"{restore.Out}\n{restore.Err}\n{stack.Server.Output}");
        Assert.Contains("Restore completed with status: Completed.", restore.Out, StringComparison.Ordinal);
        Assert.Equal("EUR", (await stack.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "shop-azure")).Data["currency"]);
        Assert.Equal("storefront", (await stack.Client.AppsV1.ReadNamespacedDeploymentAsync("storefront", "shop-azure")).Metadata.Name);
    }
}
