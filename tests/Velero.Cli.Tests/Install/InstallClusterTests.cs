using System.Text;
using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Install;

/// <summary><c>velero install</c> and <c>velero uninstall</c> against an emulated cluster, checked with real kubectl.</summary>
public sealed class InstallClusterTests
{
    private const string Image = "ghcr.io/velero-services/velero:v0.1.0";
    private const string AwsPlugin = "ghcr.io/velero-services/velero-plugin-for-aws:v0.1.0";
    private const string Credentials = "[default]\naws_access_key_id=minio\naws_secret_access_key=minio123\n";

    private static string[] Install(BareCluster cluster, params string[] extra) =>
        ["install", "--provider", "aws", "--plugins", AwsPlugin, "--bucket", "velero", "--image", Image,
         "--secret-file", cluster.File("credentials", Credentials), "--use-node-agent", .. extra, .. cluster.Flags];

    [Fact]
    public async Task Install_creates_every_object_and_kubectl_shows_them()
    {
        await using var cluster = await BareCluster.StartAsync();

        var run = await CliRunner.RunAsync(Install(cluster));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("CustomResourceDefinition/backups.velero.io: attempting to create resource client\n" +
                        "CustomResourceDefinition/backups.velero.io: attempting to create resource\n" +
                        "CustomResourceDefinition/backups.velero.io: created\n", run.Stdout);
        Assert.Contains("Waiting for resources to be ready in cluster...\n", run.Stdout);
        Assert.Contains("Deployment/velero: created\nNetworkPolicy/velero: attempting to create resource client\n", run.Stdout);
        Assert.EndsWith("PodDisruptionBudget/velero: created\nDaemonSet/node-agent: attempting to create resource client\n" +
                        "DaemonSet/node-agent: attempting to create resource\nDaemonSet/node-agent: created\n" +
                        "NetworkPolicy/node-agent: attempting to create resource client\n" +
                        "NetworkPolicy/node-agent: attempting to create resource\nNetworkPolicy/node-agent: created\n" +
                        "Velero is installed! ⛵ Use 'kubectl logs deployment/velero -n velero' to view the status.\n", run.Stdout);

        var inNamespace = await cluster.KubectlAsync(null, null, "get", "-n", "velero", "-o", "name",
            "deployments,daemonsets,statefulsets,services,networkpolicies,poddisruptionbudgets,secrets,serviceaccounts,roles,rolebindings,backupstoragelocations,volumesnapshotlocations");
        Assert.True(inNamespace.ExitCode == 0, inNamespace.Stderr);
        var names = inNamespace.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.Subset(names, new HashSet<string>
        {
            "deployment.apps/velero", "daemonset.apps/node-agent", "statefulset.apps/velero-rabbitmq", "statefulset.apps/velero-postgres",
            "service/velero-rabbitmq", "service/velero-postgres", "networkpolicy.networking.k8s.io/velero-rabbitmq",
            "networkpolicy.networking.k8s.io/velero", "networkpolicy.networking.k8s.io/node-agent",
            "poddisruptionbudget.policy/velero", "poddisruptionbudget.policy/velero-postgres",
            "secret/cloud-credentials", "secret/velero-broker", "secret/velero-database", "serviceaccount/velero",
            "role.rbac.authorization.k8s.io/velero-scheduler", "rolebinding.rbac.authorization.k8s.io/velero-uploader",
            "backupstoragelocation.velero.io/default", "volumesnapshotlocation.velero.io/default",
        });
        var clusterScoped = await cluster.KubectlAsync(null, null, "get", "clusterroles,clusterrolebindings,crds", "-l", "component=velero", "-o", "name");
        Assert.Equal(2 * 4 + 13, clusterScoped.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var secret = await cluster.Client.CoreV1.ReadNamespacedSecretAsync("cloud-credentials", "velero");
        Assert.Equal(Credentials, Encoding.UTF8.GetString(secret.Data["cloud"]));
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("velero", "velero");
        Assert.Equal(["server", "--roles=scheduler,snapshotter,restorer", "--uploader-type=kopia"], deployment.Spec.Template.Spec.Containers[0].Args);
    }

    [Fact]
    public async Task Installing_again_proceeds_over_what_exists_and_keeps_the_generated_passwords()
    {
        await using var cluster = await BareCluster.StartAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(Install(cluster))).ExitCode);
        var password = await PasswordAsync(cluster.Client);

        var again = await CliRunner.RunAsync(Install(cluster));
        var applied = await CliRunner.RunAsync(Install(cluster, "--apply"));

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Namespace/velero: already exists, proceeding\n", again.Stdout);
        Assert.Contains("Deployment/velero: already exists, proceeding\n", again.Stdout);
        Assert.DoesNotContain(": created\n", again.Stdout);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Contains("Secret/velero-database: attempting to apply resource\nSecret/velero-database: applied\n", applied.Stdout);
        Assert.Equal(password, await PasswordAsync(cluster.Client));
    }

    [Fact]
    public async Task Dry_run_output_passes_a_server_side_dry_run_of_kubectl_apply()
    {
        await using var cluster = await BareCluster.StartAsync();
        var crds = await CliRunner.RunAsync(["install", "--crds-only", "--dry-run", "-o", "yaml"]);
        Assert.Equal(0, (await cluster.KubectlAsync(crds.Stdout, null, "apply", "--server-side", "-f", "-")).ExitCode);
        Assert.Equal(0, (await cluster.KubectlAsync(null, null, "create", "namespace", "velero")).ExitCode);
        var manifest = await CliRunner.RunAsync([.. Install(cluster, "--split-services"), "--dry-run", "-o", "yaml"]);

        var dryRun = await cluster.KubectlAsync(manifest.Stdout, null, "apply", "--server-side", "--dry-run=server", "-f", "-");

        Assert.True(dryRun.ExitCode == 0, dryRun.Stderr);
        Assert.Contains("deployment.apps/velero-scheduler serverside-applied (server dry run)", dryRun.Stdout);
        Assert.Contains("daemonset.apps/node-agent serverside-applied (server dry run)", dryRun.Stdout);
        Assert.Empty((await cluster.Client.AppsV1.ListNamespacedDeploymentAsync("velero")).Items);
    }

    [Fact]
    public async Task The_hardened_image_guide_command_installs_as_written_with_this_products_images()
    {
        await using var cluster = await BareCluster.StartAsync();
        var credentials = cluster.File("aws-minio-credentials.txt", Credentials);

        var run = await CliRunner.RunAsync(["install",
            "--image", Image,
            "--plugins", AwsPlugin,
            "--provider", "aws",
            "--bucket", "velero",
            "--secret-file", credentials,
            "--use-volume-snapshots=false",
            "--backup-location-config", "region=minio,s3ForcePathStyle=true,s3Url=http://minio.velero.svc:9000",
            "--kubeconfig", cluster.Emulator.KubeconfigPath]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("Velero is installed! ⛵ Use 'kubectl logs deployment/velero -n velero' to view the status.\n", run.Stdout);
        var location = await cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<BackupStorageLocation>(
            "velero.io", "v1", "velero", "backupstoragelocations", "default");
        Assert.Equal("http://minio.velero.svc:9000", location.Spec.Config!["s3Url"]);
        Assert.True(location.Spec.Default);
        var snapshotLocations = await cluster.KubectlAsync(null, null, "get", "volumesnapshotlocations", "-n", "velero", "-o", "name");
        Assert.Equal("", snapshotLocations.Stdout);
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("velero", "velero");
        var init = Assert.Single(deployment.Spec.Template.Spec.InitContainers);
        Assert.Equal(("velero-services-velero-plugin-for-aws", AwsPlugin), (init.Name, init.Image));
    }

    [Fact]
    public async Task Wait_returns_once_the_deployment_has_been_available_long_enough()
    {
        await using var cluster = await BareCluster.StartAsync();
        var install = CliRunner.RunAsync([.. Install(cluster), "--wait"]);
        await WaitForAsync(async () => (await cluster.Client.AppsV1.ListNamespacedDeploymentAsync("velero")).Items.Count > 0);
        await WaitForAsync(async () => (await cluster.Client.AppsV1.ListNamespacedDaemonSetAsync("velero")).Items.Count > 0);
        Assert.False(install.IsCompleted, "install --wait returned before the deployment was available");

        // No controllers run in the emulator: the test plays the deployment controller.
        var available = CliRunner.Now.AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        var status = $$$"""{"status":{"replicas":1,"availableReplicas":1,"conditions":[{"type":"Available","status":"True","lastTransitionTime":"{{{available}}}","reason":"MinimumReplicasAvailable"}]}}""";
        await cluster.Client.AppsV1.PatchNamespacedDeploymentStatusAsync(new V1Patch(status, V1Patch.PatchType.MergePatch), "velero", "velero");
        var run = await install.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Waiting for Velero deployment to be ready.\nWaiting for node-agent daemonset to be ready.\nVelero is installed!", run.Stdout);
    }

    [Fact]
    public async Task Uninstall_removes_what_install_created_in_upstreams_order()
    {
        await using var cluster = await BareCluster.StartAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(Install(cluster))).ExitCode);

        var run = await CliRunner.RunAsync(["uninstall", "--force", .. cluster.Flags]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("Waiting for resource with attached finalizer to be deleted\n\nWaiting for velero namespace \"velero\" to be deleted\n", run.Stdout);
        Assert.EndsWith("Velero namespace \"velero\" deleted\nVelero uninstalled ⛵\n", run.Stdout);
        var left = await cluster.KubectlAsync(null, null, "get", "clusterroles,clusterrolebindings,crds", "-l", "component=velero", "-o", "name");
        Assert.Equal("", left.Stdout);
        Assert.DoesNotContain((await cluster.Client.CoreV1.ListNamespaceAsync()).Items, n => n.Metadata.Name == "velero");

        var again = await CliRunner.RunAsync(["uninstall", "--force", .. cluster.Flags]);
        Assert.Equal("Velero namespace \"velero\" does not exist, skipping.\nVelero ClusterRoleBinding \"velero\" does not exist, skipping.\nVelero uninstalled ⛵\n", again.Stdout);
    }

    [Fact]
    public async Task Uninstall_asks_first_and_leaves_everything_on_no()
    {
        await using var cluster = await BareCluster.StartAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(Install(cluster))).ExitCode);

        var run = await CliRunner.RunAsync(["uninstall", .. cluster.Flags], input: new StringReader("maybe\nn\n"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("You are about to uninstall Velero.\nAre you sure you want to continue (Y/N)? Are you sure you want to continue (Y/N)? ", run.Stdout);
        Assert.Contains((await cluster.Client.CoreV1.ListNamespaceAsync()).Items, n => n.Metadata.Name == "velero");
    }

    private static async Task<string> PasswordAsync(IKubernetes client) =>
        Encoding.UTF8.GetString((await client.CoreV1.ReadNamespacedSecretAsync("velero-database", "velero")).Data["password"]);

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
