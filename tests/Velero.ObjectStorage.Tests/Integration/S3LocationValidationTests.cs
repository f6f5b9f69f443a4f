using Velero.ObjectStorage.Locations;

namespace Velero.ObjectStorage.Tests.Integration;

/// <summary>BSL validation (spec 7.4) on the real server.</summary>
public sealed class S3LocationValidationTests(CephBucket bucket) : IClassFixture<CephBucket>
{
    private readonly ObjectStoreFactory _factory = new();

    [Fact]
    public async Task A_clean_bucket_is_available_and_foreign_top_level_directories_make_it_unavailable()
    {
        // Each test has its own root, so the other's objects are not top-level directories here.
        using var location = _factory.Create(CephS3.Location(bucket.Name, prefix: "clean"));
        Assert.Equal(StorageLocationValidation.Available, await location.ValidateAsync());

        await location.PutAsync("backups/b1/velero-backup.json", Streams.Of("{}"));
        await location.Store.PutAsync(location.KeyFor("kopia/velero/kopia.repository"), Streams.Of("{}"));
        await location.Store.PutAsync(location.KeyFor("README"), Streams.Of("loose files at the root are fine"));
        Assert.True((await location.ValidateAsync()).IsAvailable);

        await location.Store.PutAsync(location.KeyFor("junk/x"), Streams.Of("x"));

        Assert.Equal(
            new StorageLocationValidation(
                StorageLocationPhase.Unavailable,
                "BackupStorageLocation \"default\" is unavailable: Backup store contains invalid top-level directories: [junk]"),
            await location.ValidateAsync());
    }

    [Fact]
    public async Task More_than_three_foreign_directories_use_the_count_form_and_a_prefix_hides_them()
    {
        using var root = _factory.Create(CephS3.Location(bucket.Name, prefix: "shared"));
        foreach (var dir in new[] { "a", "b", "c", "d" })
        {
            await root.Store.PutAsync(root.KeyFor($"{dir}/x"), Streams.Of("x"));
        }

        Assert.Equal(
            "BackupStorageLocation \"default\" is unavailable: Backup store contains 4 invalid top-level directories: [a b c ...]",
            (await root.ValidateAsync()).Message);

        using var prefixed = _factory.Create(CephS3.Location(bucket.Name, prefix: "shared/velero"));
        await prefixed.PutAsync("backups/b/velero-backup.json", Streams.Of("{}"));
        Assert.True((await prefixed.ValidateAsync()).IsAvailable);
    }
}
