using Velero.ObjectStorage.Locations;
using Velero.Scheduler.Deletion;

namespace Velero.Services.Tests.Scheduler.Deletion;

public sealed class ObjectFoldersTests
{
    [Fact]
    public async Task A_backups_folder_goes_entirely_with_its_metadata_last_and_nothing_else_touched()
    {
        var store = new MemoryObjectStore();
        var files = Enumerable.Range(0, 40).Select(i => $"pre/backups/nightly/file-{i:D2}.gz").ToArray();
        store.Add(files);
        store.Add("pre/backups/nightly/velero-backup.json", "pre/backups/nightly-2/velero-backup.json",
            "pre/backups/nightly-2/nightly-2.tar.gz", "pre/restores/nightly-r/restore-nightly-r-logs.gz", "other/backups/nightly/x");
        using var location = new ObjectStoreLocation(store, "pre");

        var deleted = await ObjectFolders.DeleteAsync(location, "backups/nightly/", 8, CancellationToken.None);

        Assert.Equal(41, deleted);
        Assert.Equal("pre/backups/nightly/velero-backup.json", store.Deleted.Last());
        Assert.Equal(["other/backups/nightly/x", "pre/backups/nightly-2/nightly-2.tar.gz", "pre/backups/nightly-2/velero-backup.json",
            "pre/restores/nightly-r/restore-nightly-r-logs.gz"], store.Keys);
    }

    [Fact]
    public async Task Deleting_a_folder_that_is_already_gone_deletes_nothing_and_succeeds()
    {
        var store = new MemoryObjectStore();
        store.Add("backups/kept/velero-backup.json");
        using var location = new ObjectStoreLocation(store, null);

        Assert.Equal(0, await ObjectFolders.DeleteAsync(location, "restores/gone/", 4, CancellationToken.None));
        Assert.Empty(store.Deleted);
    }
}
