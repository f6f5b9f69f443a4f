using Velero.ObjectStorage.Locations;

namespace Velero.ObjectStorage.Tests.Integration;

/// <summary>Failures against the real server come back as clean, credential-free ObjectStorageExceptions.</summary>
public sealed class S3ErrorTests(CephBucket bucket) : IClassFixture<CephBucket>
{
    private const string WrongSecret = "wrong-secret-d0n0tl3ak";

    private readonly ObjectStoreFactory _factory = new();

    [Fact]
    public async Task A_wrong_secret_key_is_access_denied_naming_bucket_and_host_but_not_the_secret()
    {
        using var location = _factory.Create(CephS3.Location(bucket.Name, secretKey: WrongSecret));
        var host = new Uri(CephS3.Url).Authority;

        var put = await Assert.ThrowsAsync<ObjectStorageException>(() => location.PutAsync("backups/x/velero-backup.json", Streams.Of("{}")));
        var list = await Assert.ThrowsAsync<ObjectStorageException>(() => location.ListCommonPrefixesAsync(""));

        foreach (var e in new[] { put, list })
        {
            Assert.Equal(ObjectStorageErrorKind.AccessDenied, e.Kind);
            Assert.Equal(
                $"access denied to bucket \"{bucket.Name}\" at {host} (SignatureDoesNotMatch): check the location's credentials and their permissions",
                e.Message);
            Assert.Null(e.InnerException);
            Assert.DoesNotContain(WrongSecret, e.ToString(), StringComparison.Ordinal);
        }

        var validation = await location.ValidateAsync();
        Assert.Equal(StorageLocationPhase.Unavailable, validation.Phase);
        Assert.Equal($"BackupStorageLocation \"default\" is unavailable: {list.Message}", validation.Message);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_clear_error()
    {
        using var location = _factory.Create(CephS3.Location(bucket.Name, url: "http://127.0.0.1:1"));

        var e = await Assert.ThrowsAsync<ObjectStorageException>(() => location.ExistsAsync("backups/x/velero-backup.json"));

        Assert.Equal(ObjectStorageErrorKind.Unreachable, e.Kind);
        Assert.StartsWith("object storage endpoint 127.0.0.1:1 is unreachable (", e.Message, StringComparison.Ordinal);
        Assert.False((await location.ValidateAsync()).IsAvailable);
    }

    [Fact]
    public async Task A_missing_bucket_is_named_with_the_endpoint()
    {
        using var location = _factory.Create(CephS3.Location("velero-objstore-no-such-bucket"));

        var e = await Assert.ThrowsAsync<ObjectStorageException>(() => location.ListCommonPrefixesAsync(""));

        Assert.Equal(ObjectStorageErrorKind.NoSuchBucket, e.Kind);
        Assert.Equal($"bucket \"velero-objstore-no-such-bucket\" does not exist at {new Uri(CephS3.Url).Authority} (NoSuchBucket)", e.Message);
    }
}
