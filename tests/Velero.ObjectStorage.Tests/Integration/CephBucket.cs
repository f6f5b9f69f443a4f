using Amazon.S3.Model;

namespace Velero.ObjectStorage.Tests.Integration;

/// <summary>A bucket of its own for one test class, emptied and deleted afterwards.</summary>
public sealed class CephBucket : IAsyncLifetime
{
    public string Name { get; } = "velero-objstore-" + Guid.NewGuid().ToString("N")[..16];

    private bool _created;

    public async Task InitializeAsync()
    {
        using var client = CephS3.AdminClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = Name });
        _created = true;
    }

    public async Task DisposeAsync()
    {
        // Without the server the tests already failed with the hint; a second failure here would only add noise.
        if (!_created)
        {
            return;
        }

        using var client = CephS3.AdminClient();
        var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Name });
        foreach (var upload in uploads.MultipartUploads ?? [])
        {
            await client.AbortMultipartUploadAsync(Name, upload.Key, upload.UploadId);
        }

        string? continuation = null;
        do
        {
            var page = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Name, ContinuationToken = continuation });
            await Parallel.ForEachAsync(page.S3Objects ?? [], async (o, ct) => await client.DeleteObjectAsync(Name, o.Key, ct));
            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);

        await client.DeleteBucketAsync(Name);
    }
}
