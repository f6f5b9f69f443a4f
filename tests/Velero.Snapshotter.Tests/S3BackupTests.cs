using System.IO.Compression;
using System.Formats.Tar;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Velero.ObjectStorage;
using Velero.Snapshotter.Tests.Support;
using Velero.Testing;

namespace Velero.Snapshotter.Tests;

/// <summary>
/// A backup streamed to the real S3 server of the test infrastructure (Ceph RGW), large enough that the tarball goes
/// up as a multipart upload of unknown length. Needs the infrastructure's environment (<c>make test</c>).
/// </summary>
public sealed class S3BackupTests : IAsyncLifetime
{
    private readonly string _bucket = "velero-collector-" + Guid.NewGuid().ToString("N")[..16];
    private bool _created;

    public async Task InitializeAsync()
    {
        using var client = AdminClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = _bucket });
        _created = true;
    }

    public async Task DisposeAsync()
    {
        if (!_created)
        {
            return;
        }

        using var client = AdminClient();
        var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = _bucket });
        foreach (var upload in uploads.MultipartUploads ?? [])
        {
            await client.AbortMultipartUploadAsync(_bucket, upload.Key, upload.UploadId);
        }

        var objects = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket });
        foreach (var o in objects.S3Objects ?? [])
        {
            await client.DeleteObjectAsync(_bucket, o.Key);
        }

        await client.DeleteBucketAsync(_bucket);
    }

    [Fact]
    public async Task A_backup_larger_than_a_part_is_uploaded_in_parts_and_reads_back_whole()
    {
        await using var cluster = await Harness.ClusterAsync();
        // Random payloads do not compress: about 13 MiB of tarball, more than the 8 MiB first part.
        FailureTests.SeedConfigMaps(cluster, "big", 800, bytes: 16 * 1024);
        using var location = new ObjectStoreFactory().Create(new BackupStorageLocationConfig
        {
            Name = "default",
            Provider = "aws",
            Bucket = _bucket,
            Prefix = "cluster-a",
            Config = new Dictionary<string, string>
            {
                ["region"] = "us-east-1",
                ["s3Url"] = TestInfrastructure.S3Url,
                ["s3ForcePathStyle"] = "true",
            },
            Credentials = System.Text.Encoding.UTF8.GetBytes(
                $"[default]\naws_access_key_id={TestInfrastructure.S3AccessKey}\naws_secret_access_key={TestInfrastructure.S3SecretKey}\n"),
        });
        using var client = Harness.Client(cluster);

        var result = await Harness.RunAsync(Harness.Collector(), client, location, Harness.Backup("large", s => s.IncludedNamespaces = ["big"]));

        Assert.Equal("Completed", result.Phase);
        Assert.Equal(803, result.ItemsBackedUp); // 800 + kube-root-ca.crt, the default ServiceAccount, the namespace
        Assert.True(result.TarballBytes > 8 * 1024 * 1024, $"tarball of {result.TarballBytes} bytes is not larger than a part");

        using var admin = AdminClient();
        var head = await admin.GetObjectMetadataAsync(_bucket, "cluster-a/backups/large/large.tar.gz");
        Assert.Equal(result.TarballBytes, head.ContentLength);
        Assert.Contains("-", head.ETag, StringComparison.Ordinal); // a multipart object's ETag ends in -<parts>

        var items = 0;
        await using (var tarball = await location.GetAsync("backups/large/large.tar.gz"))
        await using (var gzip = new GZipStream(tarball, CompressionMode.Decompress))
        await using (var tar = new TarReader(gzip))
        {
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                if (entry.Name.StartsWith("resources/", StringComparison.Ordinal) && !entry.Name.Contains("-preferredversion/", StringComparison.Ordinal))
                {
                    items++;
                }
            }
        }

        Assert.Equal(803, items);
        var contents = await BackupContents.ReadAsync(location, "large");
        Assert.Equal("Completed", (string?)contents.Metadata["status"]!["phase"]);
        Assert.Equal(800, contents.ResourceList["v1/ConfigMap"]!.AsArray().Count - 1);
    }

    private static AmazonS3Client AdminClient() => new(
        new BasicAWSCredentials(TestInfrastructure.S3AccessKey, TestInfrastructure.S3SecretKey),
        new AmazonS3Config
        {
            ServiceURL = TestInfrastructure.S3Url,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
}
