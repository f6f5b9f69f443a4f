using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;
using Velero.Testing;

namespace Velero.Benchmarks;

/// <summary>A backup location of its own for one measured run: a new bucket on the real S3 server, or a temporary directory (<c>fs</c>).</summary>
internal static class BenchLocation
{
    public static async Task<ObjectStoreLocation> CreateAsync(string store, DirectoryInfo directory)
    {
        var bucket = $"bench-{Guid.NewGuid():N}"[..30];
        var location = new ObjectStoreFactory(TimeProvider.System).Create(store == "fs"
            ? new BackupStorageLocationConfig
            {
                Name = "default",
                Provider = ProviderNames.FileSystem,
                Bucket = bucket,
                Prefix = "bench",
                Config = new Dictionary<string, string> { ["path"] = directory.FullName },
            }
            : new BackupStorageLocationConfig
            {
                Name = "default",
                Provider = ProviderNames.Aws,
                Bucket = bucket,
                Prefix = "bench",
                Config = new Dictionary<string, string> { ["region"] = "us-east-1", ["s3Url"] = TestInfrastructure.S3Url, ["s3ForcePathStyle"] = "true" },
                Credentials = System.Text.Encoding.UTF8.GetBytes(
                    $"[default]\naws_access_key_id={TestInfrastructure.S3AccessKey}\naws_secret_access_key={TestInfrastructure.S3SecretKey}\n"),
            });
        if (store != "fs")
        {
            await BucketMaker.CreateAsync(bucket);
        }

        return location;
    }
}
