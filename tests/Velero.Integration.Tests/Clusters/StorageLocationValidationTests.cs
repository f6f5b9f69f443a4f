using k8s.Models;
using Velero.Api.V1;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Clusters;

/// <summary>Backup storage locations on the real Ceph S3 server, validated by the scheduler and reported on the resource.</summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class StorageLocationValidationTests(ClusterFixture clusters) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Locations_are_validated_and_report_why_they_are_unavailable()
    {
        var bucket = $"bsl-{Guid.NewGuid():N}"[..30];
        using var s3 = CephStorage.Client();
        await s3.PutBucketAsync(bucket);
        await using var database = await TestDatabase.CreateAsync();
        await using var server = ServiceProcess.Start("velero.dll", Services.Environment(database, new Dictionary<string, string?>
        {
            ["Clusters__Kubeconfig"] = clusters.Kubeconfig,
            ["Clusters__Contexts__0"] = "dev-a",
            ["Scheduler__StorageLocations__ValidationFrequency"] = "00:00:01",
        }), "server", "--roles", "scheduler");
        await server.WaitReadyAsync(Services.ReadyTimeout);
        using var client = clusters.Client("dev-a");
        await CephStorage.CreateCredentialsSecretAsync(client);
        var locations = new CustomResourceClient<BackupStorageLocation>(client);
        await locations.CreateAsync(Location("ceph", bucket, TestInfrastructure.S3Url));
        await locations.CreateAsync(Location("nowhere", bucket, $"http://127.0.0.1:{FreePort.Next()}"));

        var ceph = await WaitForPhaseAsync(locations, "ceph", BackupStorageLocationPhase.Available);
        var nowhere = await WaitForPhaseAsync(locations, "nowhere", BackupStorageLocationPhase.Unavailable);

        Assert.NotNull(ceph.Status!.LastValidationTime);
        Assert.StartsWith("BackupStorageLocation \"nowhere\" is unavailable: ", nowhere.Status!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestInfrastructure.S3SecretKey, nowhere.Status.Message, StringComparison.Ordinal);

        // Something that is not Velero's in the bucket makes the location unusable, as upstream says.
        await s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = bucket, Key = "cluster-a/junk/x", ContentBody = "x" });
        var polluted = await WaitForPhaseAsync(locations, "ceph", BackupStorageLocationPhase.Unavailable);
        Assert.Equal("BackupStorageLocation \"ceph\" is unavailable: Backup store contains invalid top-level directories: [junk]",
            polluted.Status!.Message);
        Assert.DoesNotContain(TestInfrastructure.S3SecretKey, server.Output, StringComparison.Ordinal);
    }

    private static BackupStorageLocation Location(string name, string bucket, string url) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero" },
        Spec = new BackupStorageLocationSpec
        {
            Provider = "aws",
            ObjectStorage = new ObjectStorageLocation { Bucket = bucket, Prefix = "cluster-a" },
            Config = new Dictionary<string, string> { ["region"] = "us-east-1", ["s3Url"] = url, ["s3ForcePathStyle"] = "true" },
        },
    };

    private static async Task<BackupStorageLocation> WaitForPhaseAsync(CustomResourceClient<BackupStorageLocation> locations,
        string name, string phase)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            var location = await locations.GetAsync("velero", name);
            if (location?.Status?.Phase == phase)
            {
                return location;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name} did not become {phase}: {location?.Status?.Phase} {location?.Status?.Message}");
            await Task.Delay(250);
        }
    }

}
