using k8s;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Install;

/// <summary>
/// The installed RBAC, judged by the emulator's RBAC authorizer with the ServiceAccounts' own tokens: what backups
/// and restores need is allowed, what no role needs is not.
/// </summary>
public sealed class RbacTests
{
    private static string[] Install(BareCluster cluster, params string[] extra) =>
        ["install", "--provider", "aws", "--plugins", "ghcr.io/velero-services/velero-plugin-for-aws:v0.1.0", "--bucket", "velero",
         "--no-secret", "--use-node-agent", .. extra, .. cluster.Flags];

    [Fact]
    public async Task The_velero_service_account_can_read_everything_for_a_backup_but_not_delete_nodes()
    {
        await using var cluster = await BareCluster.StartAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(Install(cluster))).ExitCode);
        var token = await TokenAsync(cluster, "velero");

        var deployments = await cluster.KubectlAsync(null, token, "get", "deployments", "--all-namespaces", "-o", "name");
        Assert.True(deployments.ExitCode == 0, deployments.Stderr);
        Assert.Contains("deployment.apps/velero", deployments.Stdout);
        var node = (await cluster.Client.CoreV1.ListNodeAsync()).Items[0].Metadata.Name;
        var delete = await cluster.KubectlAsync(null, token, "delete", "node", node);
        Assert.Equal(1, delete.ExitCode);
        Assert.Contains($"nodes \"{node}\" is forbidden: User \"system:serviceaccount:velero:velero\" cannot delete resource \"nodes\"", delete.Stderr);

        Assert.Equal("yes", await CanAsync(cluster, token, "list", "secrets", "--all-namespaces"));
        Assert.Equal("yes", await CanAsync(cluster, token, "create", "backups.velero.io", "-n", "velero"));
        Assert.Equal("yes", await CanAsync(cluster, token, "create", "deployments", "-n", "shop"));
        Assert.Equal("yes", await CanAsync(cluster, token, "create", "pods/exec", "-n", "shop"));
        Assert.Equal("no", await CanAsync(cluster, token, "delete", "deployments", "-n", "shop"));
        Assert.Equal("no", await CanAsync(cluster, token, "delete", "namespaces"));
        Assert.Equal("no", await CanAsync(cluster, token, "impersonate", "users"));
        Assert.Equal("no", await CanAsync(cluster, token, "delete", "backups.velero.io", "-n", "other"));
    }

    [Fact]
    public async Task With_split_services_each_role_holds_only_its_own_permissions()
    {
        await using var cluster = await BareCluster.StartAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(Install(cluster, "--split-services"))).ExitCode);
        var scheduler = await TokenAsync(cluster, "velero-scheduler");
        var snapshotter = await TokenAsync(cluster, "velero-snapshotter");
        var restorer = await TokenAsync(cluster, "velero-restorer");
        var uploader = await TokenAsync(cluster, "velero-uploader");

        Assert.Equal("yes", await CanAsync(cluster, scheduler, "patch", "backups.velero.io", "-n", "velero"));
        Assert.Equal("no", await CanAsync(cluster, scheduler, "list", "secrets", "-n", "shop"));
        Assert.Equal("yes", await CanAsync(cluster, snapshotter, "list", "secrets", "--all-namespaces"));
        Assert.Equal("no", await CanAsync(cluster, snapshotter, "create", "deployments", "-n", "shop"));
        Assert.Equal("yes", await CanAsync(cluster, restorer, "create", "deployments", "-n", "shop"));
        Assert.Equal("yes", await CanAsync(cluster, restorer, "escalate", "clusterroles"));
        Assert.Equal("no", await CanAsync(cluster, restorer, "delete", "deployments", "-n", "shop"));
        Assert.Equal("yes", await CanAsync(cluster, uploader, "update", "podvolumebackups.velero.io", "-n", "velero"));
        Assert.Equal("no", await CanAsync(cluster, uploader, "list", "secrets", "-n", "shop"));
        Assert.Equal("no", await CanAsync(cluster, uploader, "create", "backups.velero.io", "-n", "velero"));
    }

    private static Task<string> TokenAsync(BareCluster cluster, string serviceAccount) => cluster.TokenAsync(serviceAccount);

    private static Task<string> CanAsync(BareCluster cluster, string token, params string[] args) => cluster.CanAsync(token, args);
}
