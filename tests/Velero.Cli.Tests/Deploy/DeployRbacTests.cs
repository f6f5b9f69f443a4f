using Velero.Cli.Tests.Install;
using Velero.Testing;

namespace Velero.Cli.Tests.Deploy;

/// <summary>
/// The RBAC of deploy/, applied with real kubectl and judged by the emulator's RBAC authorizer with the
/// ServiceAccounts' own tokens: each role can do its job and nothing more.
/// </summary>
public sealed class DeployRbacTests
{
    private static async Task<BareCluster> ApplyAsync(string kustomization)
    {
        var cluster = await BareCluster.StartAsync();
        var crds = await cluster.KubectlAsync(null, null, "apply", "--server-side", "-k", Path.Combine(RepositoryPaths.Root, "deploy", "crds"));
        Assert.True(crds.ExitCode == 0, crds.Stderr);
        Assert.Equal(0, (await cluster.KubectlAsync(null, null, "wait", "--for", "condition=established", "crd", "-l", "component=velero")).ExitCode);
        var applied = await cluster.KubectlAsync(await DeployOverlays.RenderAsync(kustomization), null, "apply", "--server-side", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.Stderr);
        return cluster;
    }

    [Fact]
    public async Task The_base_velero_service_account_backs_up_and_restores_but_cannot_delete_workloads_nodes_or_rbac()
    {
        await using var cluster = await ApplyAsync("base");
        var velero = await cluster.TokenAsync("velero");

        Assert.Equal("yes", await cluster.CanAsync(velero, "patch", "backups.velero.io", "-n", "velero"));
        Assert.Equal("yes", await cluster.CanAsync(velero, "list", "secrets", "--all-namespaces"));
        Assert.Equal("yes", await cluster.CanAsync(velero, "create", "deployments", "-n", "shop"));
        Assert.Equal("no", await cluster.CanAsync(velero, "delete", "deployments", "-n", "shop"));
        Assert.Equal("no", await cluster.CanAsync(velero, "delete", "nodes"));
        Assert.Equal("no", await cluster.CanAsync(velero, "delete", "clusterroles"));
        Assert.Equal("no", await cluster.CanAsync(velero, "impersonate", "serviceaccounts"));
        Assert.Equal("no", await cluster.CanAsync(velero, "delete", "backups.velero.io", "-n", "shop"));
    }

    [Fact]
    public async Task With_the_node_agent_velero_also_works_pod_volumes_and_their_helper_pods_in_its_namespace_only()
    {
        await using var cluster = await ApplyAsync("overlays/node-agent");
        var velero = await cluster.TokenAsync("velero");

        Assert.Equal("yes", await cluster.CanAsync(velero, "update", "podvolumebackups.velero.io", "--subresource=status", "-n", "velero"));
        Assert.Equal("yes", await cluster.CanAsync(velero, "list", "persistentvolumes"));
        Assert.Equal("yes", await cluster.CanAsync(velero, "delete", "pods", "-n", "velero"));
        Assert.Equal("no", await cluster.CanAsync(velero, "delete", "pods", "-n", "shop"));
        Assert.Equal("no", await cluster.CanAsync(velero, "delete", "nodes"));
    }

    [Fact]
    public async Task With_split_services_the_scheduler_manages_velero_objects_and_reads_namespaces_only()
    {
        await using var cluster = await ApplyAsync("overlays/split-services");
        var scheduler = await cluster.TokenAsync("velero-scheduler");

        foreach (var verb in new[] { "get", "list", "watch", "patch" })
        {
            Assert.Equal("yes", await cluster.CanAsync(scheduler, verb, "backups.velero.io", "-n", "velero"));
        }

        Assert.Equal("yes", await cluster.CanAsync(scheduler, "list", "namespaces"));
        Assert.Equal("yes", await cluster.CanAsync(scheduler, "get", "secrets", "-n", "velero"));
        Assert.Equal("no", await cluster.CanAsync(scheduler, "get", "secrets", "-n", "shop"));
        Assert.Equal("no", await cluster.CanAsync(scheduler, "patch", "backups.velero.io", "-n", "shop"));
        Assert.Equal("no", await cluster.CanAsync(scheduler, "list", "pods", "--all-namespaces"));
        Assert.Equal("no", await cluster.CanAsync(scheduler, "delete", "namespaces"));
        Assert.Equal("no", await cluster.CanAsync(scheduler, "delete", "nodes"));
    }

    [Fact]
    public async Task With_split_services_the_snapshotter_reads_everything_and_the_restorer_creates_but_neither_deletes_workloads()
    {
        await using var cluster = await ApplyAsync("overlays/split-services");
        var snapshotter = await cluster.TokenAsync("velero-snapshotter");
        var restorer = await cluster.TokenAsync("velero-restorer");

        Assert.Equal("yes", await cluster.CanAsync(snapshotter, "list", "secrets", "--all-namespaces"));
        Assert.Equal("yes", await cluster.CanAsync(snapshotter, "create", "pods", "--subresource=exec", "-n", "shop"));
        Assert.Equal("yes", await cluster.CanAsync(snapshotter, "create", "podvolumebackups.velero.io", "-n", "velero"));
        Assert.Equal("no", await cluster.CanAsync(snapshotter, "create", "deployments", "-n", "shop"));
        Assert.Equal("no", await cluster.CanAsync(snapshotter, "delete", "backups.velero.io", "-n", "velero"));
        Assert.Equal("no", await cluster.CanAsync(snapshotter, "create", "podvolumerestores.velero.io", "-n", "velero"));
        Assert.Equal("yes", await cluster.CanAsync(restorer, "create", "deployments", "-n", "shop"));
        Assert.Equal("yes", await cluster.CanAsync(restorer, "bind", "clusterroles"));
        Assert.Equal("yes", await cluster.CanAsync(restorer, "create", "podvolumerestores.velero.io", "-n", "velero"));
        Assert.Equal("no", await cluster.CanAsync(restorer, "delete", "deployments", "-n", "shop"));
        Assert.Equal("no", await cluster.CanAsync(restorer, "delete", "nodes"));
    }

    [Fact]
    public async Task With_split_services_no_velero_service_account_is_left_with_the_union_of_the_roles()
    {
        await using var cluster = await ApplyAsync("overlays/split-services");

        var accounts = await cluster.KubectlAsync(null, null, "get", "serviceaccounts", "-n", "velero", "-l", "component=velero", "-o", "name");

        Assert.Equal(["serviceaccount/velero-restorer", "serviceaccount/velero-scheduler", "serviceaccount/velero-snapshotter"],
            accounts.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }
}
