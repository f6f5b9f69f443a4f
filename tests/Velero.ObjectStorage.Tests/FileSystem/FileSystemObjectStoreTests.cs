using Velero.ObjectStorage.Locations;

namespace Velero.ObjectStorage.Tests.FileSystem;

public sealed class FileSystemObjectStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private ObjectStoreLocation Location(string? prefix = "team/velero", string key = "path") => new ObjectStoreFactory().Create(new BackupStorageLocationConfig
    {
        Name = "local",
        Provider = "fs",
        Bucket = "/backups-bucket/",
        Prefix = prefix,
        Config = new Dictionary<string, string> { [key] = _dir.Path },
    });

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Objects_live_at_path_bucket_prefix_key()
    {
        using var location = Location();

        await location.PutAsync("backups/b1/velero-backup.json", Streams.Of("{}"));

        var file = Path.Combine(_dir.Path, "backups-bucket", "team", "velero", "backups", "b1", "velero-backup.json");
        Assert.Equal("{}", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Fspath_is_accepted_as_upstreams_name_for_the_path()
    {
        using var location = Location(key: "fspath");

        await location.PutAsync("metadata/x", Streams.Of("x"));

        Assert.True(File.Exists(Path.Combine(_dir.Path, "backups-bucket", "team", "velero", "metadata", "x")));
    }

    [Fact]
    public async Task Put_get_exists_list_and_delete_through_the_prefix_root()
    {
        using var location = Location();
        await location.PutAsync("backups/b1/velero-backup.json", Streams.Of("meta"));
        await location.PutAsync("backups/b1/b1.tar.gz", Streams.Of("tar"));
        await location.PutAsync("backups/b2/velero-backup.json", Streams.Of("meta2"));
        await location.PutAsync("restores/r1/restore-r1-logs.gz", Streams.Of("log"));

        Assert.True(await location.ExistsAsync("backups/b1/b1.tar.gz"));
        Assert.False(await location.ExistsAsync("backups/b1/missing"));
        await using (var body = await location.GetAsync("backups/b1/b1.tar.gz"))
        {
            Assert.Equal("tar", await Streams.ReadAllTextAsync(body));
        }

        Assert.Equal(["backups/", "restores/"], await location.ListCommonPrefixesAsync(""));
        Assert.Equal(["backups/b1/", "backups/b2/"], await location.ListCommonPrefixesAsync("backups/"));
        Assert.Equal(
            ["backups/b1/b1.tar.gz", "backups/b1/velero-backup.json", "backups/b2/velero-backup.json"],
            await Streams.ToListAsync(location.ListKeysAsync("backups/")));
        Assert.Equal(["backups/b1/b1.tar.gz"], await Streams.ToListAsync(location.ListKeysAsync("backups/b1/b1")));

        await location.DeleteAsync("backups/b1/b1.tar.gz");
        await location.DeleteAsync("backups/b1/velero-backup.json");
        await location.DeleteAsync("backups/b1/velero-backup.json");

        Assert.Equal(["backups/b2/"], await location.ListCommonPrefixesAsync("backups/"));
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "backups-bucket", "team", "velero", "backups", "b1")));
    }

    [Fact]
    public async Task Listing_is_sorted_by_whole_key_as_S3_lists()
    {
        using var location = Location(prefix: null);
        foreach (var key in new[] { "a/b", "a-b", "a/a", "A", "b" })
        {
            await location.Store.PutAsync(location.KeyFor(key), Streams.Of(key));
        }

        Assert.Equal(["A", "a-b", "a/a", "a/b", "b"], await Streams.ToListAsync(location.ListKeysAsync("")));
        Assert.Equal(["a/"], await location.ListCommonPrefixesAsync(""));
        Assert.Equal(["a-"], await location.ListCommonPrefixesAsync("", "-"));
    }

    [Fact]
    public async Task Getting_a_missing_object_throws_ObjectNotFoundException()
    {
        using var location = Location();

        var e = await Assert.ThrowsAsync<ObjectNotFoundException>(() => location.GetAsync("backups/nope/velero-backup.json"));

        Assert.Equal("team/velero/backups/nope/velero-backup.json", e.Key);
        Assert.Equal(ObjectStorageErrorKind.NotFound, e.Kind);
    }

    [Fact]
    public async Task Overwrite_replaces_the_object_and_readers_keep_the_old_content()
    {
        using var location = Location();
        await location.PutAsync("backups/b/f", Streams.Of("old"));

        await using var reader = await location.GetAsync("backups/b/f");
        await location.PutAsync("backups/b/f", Streams.Of("new"));

        Assert.Equal("old", await Streams.ReadAllTextAsync(reader));
        await using var again = await location.GetAsync("backups/b/f");
        Assert.Equal("new", await Streams.ReadAllTextAsync(again));
    }

    [Fact]
    public async Task A_failed_write_leaves_neither_the_object_nor_a_temp_file()
    {
        using var location = Location();
        await location.PutAsync("backups/b/b.tar.gz", Streams.Of("previous"));

        await Assert.ThrowsAsync<IOException>(() =>
            location.PutAsync("backups/b/b.tar.gz", new NonSeekableStream(10_000_000, failAfter: 3_000_000)));

        await using var body = await location.GetAsync("backups/b/b.tar.gz");
        Assert.Equal("previous", await Streams.ReadAllTextAsync(body));
        Assert.Equal(["backups/b/b.tar.gz"], await Streams.ToListAsync(location.ListKeysAsync("")));
        Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, "backups-bucket", "team", "velero", "backups", "b")));
    }

    [Fact]
    public async Task Large_non_seekable_bodies_are_written_whole()
    {
        using var location = Location();

        await location.PutAsync("backups/big/big.tar.gz", new NonSeekableStream(20_000_000));

        await using var body = await location.GetAsync("backups/big/big.tar.gz");
        Assert.Equal(await Streams.Sha256Async(new NonSeekableStream(20_000_000)), await Streams.Sha256Async(body));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("backups/../../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("backups//x")]
    [InlineData("backups/./x")]
    [InlineData("backups/x/")]
    [InlineData("backups\\x")]
    [InlineData("backups/.velero-tmp-abc")]
    public async Task Keys_that_escape_the_root_or_cannot_be_files_are_rejected(string key)
    {
        using var store = new ObjectStoreFactory().CreateStore(new BackupStorageLocationConfig
        {
            Provider = "velero.io/fs",
            Bucket = "b",
            Config = new Dictionary<string, string> { ["path"] = _dir.Path },
        });

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, Streams.Of("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Signed_urls_are_not_supported_and_say_to_stream_instead()
    {
        using var location = Location();

        var e = await Assert.ThrowsAsync<NotSupportedException>(() => location.CreateSignedUrlAsync("backups/b/b.tar.gz", TimeSpan.FromMinutes(10)));

        Assert.Contains("GetAsync", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_is_available_on_an_empty_or_missing_root_and_unavailable_with_foreign_directories()
    {
        using var location = Location();
        Assert.Equal(StorageLocationValidation.Available, await location.ValidateAsync());

        await location.PutAsync("backups/b/velero-backup.json", Streams.Of("{}"));
        await location.Store.PutAsync(location.KeyFor("loose-file-at-root"), Streams.Of("ok"));
        Assert.True((await location.ValidateAsync()).IsAvailable);

        await location.Store.PutAsync(location.KeyFor("junk/x"), Streams.Of("x"));
        var result = await location.ValidateAsync();

        Assert.Equal(StorageLocationPhase.Unavailable, result.Phase);
        Assert.Equal("BackupStorageLocation \"local\" is unavailable: Backup store contains invalid top-level directories: [junk]", result.Message);
    }

    [Fact]
    public async Task Without_a_location_name_the_message_is_the_stores_own()
    {
        using var location = new ObjectStoreLocation(
            new ObjectStoreFactory().CreateStore(new BackupStorageLocationConfig
            {
                Provider = "fs",
                Bucket = "b",
                Config = new Dictionary<string, string> { ["path"] = _dir.Path },
            }),
            prefix: null);
        foreach (var dir in new[] { "one", "two", "three", "four", "backups" })
        {
            await location.Store.PutAsync(location.KeyFor($"{dir}/x"), Streams.Of("x"));
        }

        Assert.Equal(
            "Backup store contains 4 invalid top-level directories: [four one three ...]",
            (await location.ValidateAsync()).Message);
    }

    [Fact]
    public async Task A_directory_is_not_an_object()
    {
        using var location = Location();
        await location.PutAsync("backups/b/velero-backup.json", Streams.Of("{}"));

        Assert.False(await location.ExistsAsync("backups/b"));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => location.GetAsync("backups/b"));
    }

    [Theory]
    [InlineData(null, "the velero.io/fs provider needs config key path (or fspath)")]
    [InlineData("relative/dir", "config key path must be an absolute path, got \"relative/dir\"")]
    public void The_path_must_be_given_and_absolute(string? path, string expected)
    {
        var config = path is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["path"] = path };

        var e = Assert.Throws<ObjectStorageException>(() => new ObjectStoreFactory().CreateStore(
            new BackupStorageLocationConfig { Provider = "fs", Bucket = "b", Config = config }));

        Assert.Equal(expected, e.Message);
    }

    [Theory]
    [InlineData("kopia/ns/index")]
    [InlineData("restic/ns/config")]
    [InlineData("plugins/x")]
    [InlineData("junk/x")]
    [InlineData("loose-file")]
    public async Task A_location_refuses_writes_outside_the_directories_backups_own(string key)
    {
        using var location = Location(prefix: "p");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => location.PutAsync(key, Streams.Of("x")));

        Assert.Contains("backups write only under backups/, restores/, metadata/", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Streams.ToListAsync(location.ListKeysAsync("")));
    }
}
