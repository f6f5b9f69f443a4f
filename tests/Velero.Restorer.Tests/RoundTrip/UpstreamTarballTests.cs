using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.RoundTrip;

/// <summary>
/// A backup written as upstream Velero 1.18 lays it out (built here with the framework's tar and gzip, not the
/// project's writer) restores: the engine reads upstream's format, not only its own.
/// </summary>
public sealed class UpstreamTarballTests
{
    [Fact]
    public async Task Upstream_layout_backup_of_nginx_example_restores_the_application()
    {
        using var directory = new TempDirectory();
        using var location = Harness.FileSystemLocation(directory);
        await using var cluster = await Harness.ClusterAsync();
        using var client = Harness.Client(cluster);
        var items = NginxExample.Items();
        await UpstreamTarball.PutAsync(location, Harness.Backup("nginx-backup"), UpstreamTarball.Build(items));
        var backup = await UpstreamTarball.ReadBackupAsync(location, "nginx-backup");

        var outcome = await Harness.RestoreAsync(client, location, backup, Harness.Restore("nginx-restore", "nginx-backup"));
        var files = await RestoreFilesContents.ReadAsync(location, "nginx-restore");
        var after = await ClusterSnapshot.TakeAsync(client);

        Assert.True(outcome is { Phase: "Completed", Errors: 0 }, $"{outcome.Phase}: {files.Results.ToJsonString()}");
        Assert.Equal(items.Count, outcome.TotalItems);
        foreach (var (groupResource, item) in items)
        {
            var ns = (string?)item["metadata"]!["namespace"];
            var name = (string)item["metadata"]!["name"]!;
            var restored = after[new ObjectKey(groupResource, ns, name)];
            Assert.True(restored is not null, $"{groupResource} {ns}/{name} was not restored");
            var metadata = restored["metadata"]!;
            Assert.NotEqual((string?)item["metadata"]!["uid"], (string?)metadata["uid"]);
            Assert.Null(metadata["ownerReferences"]);
            Assert.Equal("nginx-backup", (string?)metadata["labels"]?["velero.io/backup-name"]);
            Assert.Equal("nginx-restore", (string?)metadata["labels"]?["velero.io/restore-name"]);
            Assert.Equal("nginx", (string?)metadata["labels"]?["app"]);
        }

        var deployment = after[new ObjectKey("deployments.apps", NginxExample.Namespace, "nginx-deployment")]!;
        Assert.Equal("nginx:1.17.6", (string?)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Equal(2, (int?)deployment["spec"]!["replicas"]);
        Assert.Null(deployment["status"]?["readyReplicas"]);
        Assert.Equal("LoadBalancer", (string?)after[new ObjectKey("services", NginxExample.Namespace, "my-nginx")]!["spec"]!["type"]);
        Assert.Contains("nginx-example/nginx-deployment(created)", files.Entries("apps/v1/Deployment"));
        Assert.Contains("nginx-example/nginx-deployment-66689547d-x2v7k(created)", files.Entries("v1/Pod"));
    }
}
