using System.Text.Json;
using Velero.BackupFormat.Files;
using Velero.BackupFormat.Layout;
using Velero.BackupFormat.Tarball;

namespace Velero.BackupFormat.Tests;

public sealed class LayoutTests
{
    [Fact]
    public void Backup_and_restore_keys_follow_velero_layout()
    {
        Assert.Equal("backups/b1/velero-backup.json", BackupLayout.BackupMetadata("b1"));
        Assert.Equal("backups/b1/b1.tar.gz", BackupLayout.BackupTarball("b1"));
        Assert.Equal("backups/b1/b1-logs.gz", BackupLayout.BackupLog("b1"));
        Assert.Equal("backups/b1/b1-results.gz", BackupLayout.BackupResults("b1"));
        Assert.Equal("backups/b1/b1-resource-list.json.gz", BackupLayout.BackupResourceList("b1"));
        Assert.Equal("backups/b1/b1-volumesnapshots.json.gz", BackupLayout.BackupVolumeSnapshots("b1"));
        Assert.Equal("backups/b1/b1-podvolumebackups.json.gz", BackupLayout.BackupPodVolumeBackups("b1"));
        Assert.Equal("backups/b1/b1-itemoperations.json.gz", BackupLayout.BackupItemOperations("b1"));
        Assert.Equal("backups/b1/b1-volumeinfo.json.gz", BackupLayout.BackupVolumeInfo("b1"));
        Assert.Equal("restores/r1/restore-r1-logs.gz", BackupLayout.RestoreLog("r1"));
        Assert.Equal("restores/r1/restore-r1-results.gz", BackupLayout.RestoreResults("r1"));
        Assert.Equal("restores/r1/restore-r1-resource-list.json.gz", BackupLayout.RestoreResourceList("r1"));
        Assert.Equal("restores/r1/r1-volumeinfo.json.gz", BackupLayout.RestoreVolumeInfo("r1"));
    }

    [Theory]
    [InlineData("resources/pods/namespaces/cluster/p.json", "pods", null, "cluster", "p")]
    [InlineData("resources/nodes/cluster/n1.json", "nodes", null, null, "n1")]
    [InlineData("resources/rockbands.music.example.io/v2beta1/namespaces/ns/x.json", "rockbands.music.example.io", "v2beta1", "ns", "x")]
    [InlineData("resources/storageclasses.storage.k8s.io/v1-preferredversion/cluster/fast.json", "storageclasses.storage.k8s.io", "v1-preferredversion", null, "fast")]
    public void Item_paths_parse(string path, string resource, string? version, string? ns, string name)
    {
        var item = ItemPath.TryParse(path)!;

        Assert.Equal(resource, item.Resource.ToString());
        Assert.Equal(version, item.VersionDirectory);
        Assert.Equal(ns, item.Namespace);
        Assert.Equal(name, item.Name);
        Assert.Equal(path, item.ToPath());
    }

    [Theory]
    [InlineData("metadata/version")]
    [InlineData("resources/pods/namespaces/ns")]
    [InlineData("resources/pods/namespaces//x.json")]
    [InlineData("resources/pods/x.json")]
    public void Other_entries_are_not_items(string path) => Assert.Null(ItemPath.TryParse(path));

    [Fact]
    public void Long_label_values_are_shortened_as_upstream_does()
    {
        var name = new string('a', 70);

        Assert.Equal("backup-1", LabelValues.GetValidName("backup-1"));
        Assert.Equal(new string('a', 57) + "6bd5e5", LabelValues.GetValidName(name));
    }

    [Fact]
    public void Results_omit_empty_keys_and_group_by_namespace()
    {
        var results = new BackupResults();
        results.Errors.AddNamespace("shop", "error backing up item");
        results.Warnings.AddVelero("volume snapshot skipped");

        var json = JsonSerializer.Serialize(results);

        Assert.Equal("""{"warnings":{"velero":["volume snapshot skipped"]},"errors":{"namespaces":{"shop":["error backing up item"]}}}""", json);
        Assert.Equal(1, results.Errors.Count);
    }

    [Fact]
    public void The_resource_list_is_sorted_by_key_and_entry()
    {
        var list = new ResourceList();
        list.Add("apps/v1", "Deployment", "shop", "web");
        list.Add("v1", "Namespace", null, "shop");
        list.Add("apps/v1", "Deployment", "api", "gateway");

        Assert.Equal("""{"apps/v1/Deployment":["api/gateway","shop/web"],"v1/Namespace":["shop"]}""",
            JsonSerializer.Serialize(list.ToDocument()));
    }
}
