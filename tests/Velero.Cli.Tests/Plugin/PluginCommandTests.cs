using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.Tests.Support;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Tests.Plugin;

public sealed class PluginCommandTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    /// <summary>Plays the server: answers the first ServerStatusRequest in the namespace with a version and plugins.</summary>
    private async Task AnswerAsync(string ns, CancellationToken cancellationToken)
    {
        var requests = new CustomResourceClient<ServerStatusRequest>(cluster.Client);
        while (true)
        {
            var pending = (await requests.ListAsync(ns, cancellationToken: cancellationToken)).Items.FirstOrDefault(r => r.Status?.Phase != "Processed");
            if (pending is not null)
            {
                await cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(new
                {
                    status = new
                    {
                        phase = "Processed",
                        serverVersion = "v1.18.1",
                        plugins = new[]
                        {
                            new { name = "velero.io/pod", kind = "BackupItemAction" },
                            new { name = "velero.io/aws", kind = "ObjectStore" },
                            new { name = "velero.io/pv", kind = "BackupItemAction" },
                            new { name = "velero.io/aws", kind = "VolumeSnapshotter" },
                            new { name = "velero.io/change-storage-class", kind = "RestoreItemAction" },
                        },
                    },
                }, V1Patch.PatchType.MergePatch), "velero.io", "v1", ns, "serverstatusrequests", pending.Metadata.Name, cancellationToken: cancellationToken);
                return;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    [Fact]
    public async Task Get_prints_the_plugins_the_server_reports_sorted_by_kind_and_name()
    {
        var ns = await cluster.NamespaceAsync("plugin-get");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var server = AnswerAsync(ns, stop.Token);

        var run = await CliRunner.RunAsync(["plugin", "get", .. cluster.In(ns)]);
        await server;

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("plugin-get-table", run.Stdout);
    }

    [Fact]
    public async Task Get_as_json_prints_the_processed_request()
    {
        var ns = await cluster.NamespaceAsync("plugin-json");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var server = AnswerAsync(ns, stop.Token);

        var run = await CliRunner.RunAsync(["plugin", "get", "-o", "json", .. cluster.In(ns)]);
        await server;

        var json = JsonNode.Parse(run.Stdout)!;
        Assert.Equal("ServerStatusRequest", json["kind"]!.GetValue<string>());
        Assert.Equal(5, json["status"]!["plugins"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_reported_on_one_line()
    {
        var ns = await cluster.NamespaceAsync("plugin-silent");

        var plugins = await CliRunner.RunAsync(["plugin", "get", "--timeout", "300ms", .. cluster.In(ns)]);
        var version = await CliRunner.RunAsync(["version", "--timeout", "300ms", .. cluster.In(ns)]);

        Assert.Equal((0, "<error getting plugin information: context deadline exceeded>\n"), (plugins.ExitCode, plugins.Stdout));
        Assert.Equal(0, version.ExitCode);
        Assert.EndsWith("\n<error getting server version: context deadline exceeded>\n", version.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Server:", version.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_version_the_server_reports()
    {
        var ns = await cluster.NamespaceAsync("version-answered");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var server = AnswerAsync(ns, stop.Token);

        var run = await CliRunner.RunAsync(["version", .. cluster.In(ns)]);
        await server;

        Assert.Contains("Server:\n\tVersion: v1.18.1\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_and_remove_patch_the_velero_deployments_init_containers()
    {
        var ns = await cluster.NamespaceAsync("plugin-add");
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "velero", Labels = new Dictionary<string, string> { ["component"] = "velero" } },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["deploy"] = "velero" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["deploy"] = "velero" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "velero", Image = "velero/velero:v1.18.1" }] },
                },
            },
        }, ns);

        var add = await CliRunner.RunAsync(["plugin", "add", "docker.io/velero/velero-plugin-for-aws:v1.13.0", "--confirm", .. cluster.In(ns)]);
        var added = (await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("velero", ns)).Spec.Template.Spec;
        var remove = await CliRunner.RunAsync(["plugin", "remove", "velero-velero-plugin-for-aws", .. cluster.In(ns)]);
        var removed = (await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("velero", ns)).Spec.Template.Spec;
        var missing = await CliRunner.RunAsync(["plugin", "remove", "nothing", .. cluster.In(ns)]);

        Assert.Equal(0, add.ExitCode);
        var init = Assert.Single(added.InitContainers);
        Assert.Equal(("velero-velero-plugin-for-aws", "docker.io/velero/velero-plugin-for-aws:v1.13.0", "IfNotPresent"), (init.Name, init.Image, init.ImagePullPolicy));
        Assert.Equal("/target", Assert.Single(init.VolumeMounts).MountPath);
        Assert.Equal("plugins", Assert.Single(added.Volumes).Name);
        Assert.Equal("/plugins", Assert.Single(added.Containers[0].VolumeMounts).MountPath);
        Assert.Equal(0, remove.ExitCode);
        Assert.Empty(removed.InitContainers ?? []);
        Assert.Equal((1, "An error occurred: init container nothing not found in Velero server deployment\n"), (missing.ExitCode, missing.Stderr));
    }
}
