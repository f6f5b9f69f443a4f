using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Specialized;
using Velero.ObjectStorage;

namespace Velero.Integration.Tests.Providers;

/// <summary>
/// The velero.io/azure provider against the real Azurite emulator (shared-key signatures checked), held to what
/// the S3 provider is held to against Ceph.
/// </summary>
public sealed class AzureBlobObjectStoreTests
{
    private readonly ObjectStoreFactory _factory = new();

    [Fact]
    public async Task Put_get_exists_list_prefixes_and_delete_through_a_prefix_root()
    {
        var container = await Azurite.CreateContainerAsync("crud");
        using var location = _factory.Create(Azurite.Location(container, prefix: "/crud/velero/"));
        Assert.Equal(ProviderNames.Azure, location.Store.Provider);
        await location.PutAsync("backups/b1/velero-backup.json", Of("meta-1"));
        await location.PutAsync("backups/b1/b1.tar.gz", Of("tar-1"));
        await location.PutAsync("backups/b2/velero-backup.json", Of("meta-2"));
        await location.PutAsync("restores/r1/restore-r1-logs.gz", Of("log"));

        Assert.True(await location.ExistsAsync("backups/b1/velero-backup.json"));
        Assert.False(await location.ExistsAsync("backups/b3/velero-backup.json"));
        Assert.Equal("tar-1", await ReadAsync(await location.GetAsync("backups/b1/b1.tar.gz")));
        Assert.Equal(["backups/", "restores/"], await location.ListCommonPrefixesAsync(""));
        Assert.Equal(["backups/b1/", "backups/b2/"], await location.ListCommonPrefixesAsync("backups/"));
        Assert.Equal(
            ["backups/b1/b1.tar.gz", "backups/b1/velero-backup.json", "backups/b2/velero-backup.json"],
            await ToListAsync(location.ListKeysAsync("backups/")));
        // Keys really carry the prefix in the container.
        Assert.Equal(["crud/velero/backups/", "crud/velero/restores/"], await location.Store.ListCommonPrefixesAsync("crud/velero/", "/"));

        await location.DeleteAsync("backups/b1/b1.tar.gz");
        await location.DeleteAsync("backups/b1/b1.tar.gz");
        await location.DeleteAsync("backups/b1/velero-backup.json");

        Assert.Equal(["backups/b2/"], await location.ListCommonPrefixesAsync("backups/"));
        var missing = await Assert.ThrowsAsync<ObjectNotFoundException>(() => location.GetAsync("backups/b1/b1.tar.gz"));
        Assert.Equal("crud/velero/backups/b1/b1.tar.gz", missing.Key);
    }

    [Fact]
    public async Task A_non_seekable_body_of_several_blocks_is_staged_block_by_block_and_reads_back_byte_identical()
    {
        var container = await Azurite.CreateContainerAsync("blocks");
        var config = Azurite.Location(container) with
        {
            Config = new Dictionary<string, string>(Azurite.Config()) { ["blockSizeInBytes"] = "1048576" },
        };
        using var store = _factory.CreateStore(config);
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 123);

        await store.PutAsync("backups/big/big.tar.gz", new ForwardOnlyStream(content));

        using var copy = new MemoryStream();
        await using (var body = await store.GetAsync("backups/big/big.tar.gz"))
        {
            await body.CopyToAsync(copy);
        }

        Assert.Equal(SHA256.HashData(content), SHA256.HashData(copy.ToArray()));
        var blocks = await Azurite.Client().GetBlobContainerClient(container)
            .GetBlockBlobClient("backups/big/big.tar.gz").GetBlockListAsync();
        Assert.Equal([1048576L, 1048576L, 1048576L, 123L], blocks.Value.CommittedBlocks.Select(b => b.SizeLong));
    }

    [Fact]
    public async Task An_empty_body_makes_an_empty_blob()
    {
        var container = await Azurite.CreateContainerAsync("empty");
        using var store = _factory.CreateStore(Azurite.Location(container));

        await store.PutAsync("backups/e/e-logs.gz", new MemoryStream());

        Assert.True(await store.ExistsAsync("backups/e/e-logs.gz"));
        Assert.Equal("", await ReadAsync(await store.GetAsync("backups/e/e-logs.gz")));
    }

    [Fact]
    public async Task A_signed_url_is_a_read_only_sas_that_works_with_a_plain_http_get()
    {
        var container = await Azurite.CreateContainerAsync("signed");
        using var store = _factory.CreateStore(Azurite.Location(container));
        await store.PutAsync("backups/s/s-logs.gz", Of("log content"));

        var url = await store.CreateSignedUrlAsync("backups/s/s-logs.gz", TimeSpan.FromMinutes(10));

        Assert.StartsWith($"{Azurite.Url}/{container}/backups/s/s-logs.gz?", url.ToString(), StringComparison.Ordinal);
        Assert.Contains("sp=r&", url.Query, StringComparison.Ordinal);
        Assert.Contains("sig=", url.Query, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal("log content", await http.GetStringAsync(url));
        // Read-only: the same URL cannot overwrite the blob.
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent("overwritten") };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.SendAsync(put)).StatusCode);
    }

    [Fact]
    public async Task Listing_follows_continuation_across_pages()
    {
        var container = await Azurite.CreateContainerAsync("paged");
        // Pages of 100 (the service's default is 5000, too many blobs for a quick test): 250 keys and 120 prefixes need three and two pages.
        using var location = new ObjectStoreFactory([new ObjectStorage.Azure.AzureBlobObjectStoreProvider(TimeProvider.System, listPageSize: 100)])
            .Create(Azurite.Location(container, prefix: "paged"));
        var keys = Enumerable.Range(0, 250).Select(i => $"backups/b{i % 120:D3}/p{i:D5}").Order(StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (key, ct) => await location.PutAsync(key, Of(key), ct));

        Assert.Equal(keys, await ToListAsync(location.ListKeysAsync("backups/")));
        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"backups/b{i:D3}/"), await location.ListCommonPrefixesAsync("backups/"));
    }

    [Fact]
    public async Task A_wrong_account_key_is_access_denied_with_a_message_that_names_the_container_and_no_key()
    {
        var container = await Azurite.CreateContainerAsync("badkey");
        var wrongKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        using var store = _factory.CreateStore(Azurite.Location(container, key: wrongKey));

        var e = await Assert.ThrowsAsync<ObjectStorageException>(() => store.PutAsync("backups/x/x.json", Of("{}")));

        Assert.Equal(ObjectStorageErrorKind.AccessDenied, e.Kind);
        Assert.StartsWith($"access denied to container \"{container}\" at 127.0.0.1:", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Azurite.Key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_container_is_no_such_bucket_for_reads_and_lists_and_missing_for_exists()
    {
        using var store = _factory.CreateStore(Azurite.Location("no-such-container-" + Guid.NewGuid().ToString("N")[..8]));

        var list = await Assert.ThrowsAsync<ObjectStorageException>(() => store.ListCommonPrefixesAsync("", "/"));
        var put = await Assert.ThrowsAsync<ObjectStorageException>(() => store.PutAsync("backups/x", Of("x")));

        Assert.Equal(ObjectStorageErrorKind.NoSuchBucket, list.Kind);
        Assert.Equal(ObjectStorageErrorKind.NoSuchBucket, put.Kind);
        Assert.Contains("(ContainerNotFound)", list.Message, StringComparison.Ordinal);
        Assert.False(await store.ExistsAsync("backups/x"));
        await store.DeleteAsync("backups/x");
    }

    [Fact]
    public async Task A_credentials_file_without_the_named_key_variable_fails_with_upstreams_message()
    {
        var location = Azurite.Location("c") with { Credentials = Encoding.UTF8.GetBytes("AZURE_CLOUD_NAME=AzurePublicCloud\n") };

        var e = Assert.Throws<ObjectStorageException>(() => _factory.CreateStore(location));

        Assert.Equal(ObjectStorageErrorKind.InvalidConfiguration, e.Kind);
        Assert.Equal($"no storage account access key with key {Azurite.KeyVariable} found in credential", e.Message);
    }

    private static MemoryStream Of(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<string> ReadAsync(Stream stream)
    {
        await using (stream)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
    }

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> items)
    {
        var list = new List<string>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
