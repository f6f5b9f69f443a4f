using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Velero.KubeEmulator.Exec;
using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Client;

/// <summary>The same behaviour through KubernetesClient 21: typed clients and the generic client.</summary>
public sealed class KubernetesClientTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Kubernetes Client() => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(fixture.Emulator.KubeconfigPath));

    private static async Task EnsureNamespaceAsync(Kubernetes client, string name)
    {
        try
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }
    }

    [Fact]
    public async Task Typed_crud_with_real_metadata_conflicts_and_not_found()
    {
        using var client = Client();
        await EnsureNamespaceAsync(client, "typed");
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "settings-", Labels = new Dictionary<string, string> { ["app"] = "a" } }, Data = new Dictionary<string, string> { ["k"] = "v" } }, "typed");
        Assert.StartsWith("settings-", created.Metadata.Name);
        Assert.Equal(14, created.Metadata.Name.Length);
        Assert.True(Guid.TryParse(created.Metadata.Uid, out _));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal(created.Metadata.ResourceVersion, (await client.CoreV1.ReadNamespacedConfigMapAsync(created.Metadata.Name, "typed")).Metadata.ResourceVersion);

        var same = await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, created.Metadata.Name, "typed");
        Assert.Equal(created.Metadata.ResourceVersion, same.Metadata.ResourceVersion);
        created.Data["k"] = "w";
        var changed = await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, created.Metadata.Name, "typed");
        Assert.True(long.Parse(changed.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(created.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReplaceNamespacedConfigMapAsync(created, created.Metadata.Name, "typed"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
        Assert.Contains("the object has been modified; please apply your changes to the latest version and try again", stale.Response.Content);

        var listed = await client.CoreV1.ListNamespacedConfigMapAsync("typed", labelSelector: "app=a");
        Assert.Equal([created.Metadata.Name], listed.Items.Select(i => i.Metadata.Name));

        await client.CoreV1.DeleteNamespacedConfigMapAsync(created.Metadata.Name, "typed");
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync(created.Metadata.Name, "typed"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        var status = JsonNode.Parse(missing.Response.Content)!;
        Assert.Equal("NotFound", (string?)status["reason"]);
        Assert.Equal($"configmaps \"{created.Metadata.Name}\" not found", (string?)status["message"]);

        var orphan = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, "no-such-namespace"));
        Assert.Equal(HttpStatusCode.NotFound, orphan.Response.StatusCode);
        Assert.Contains("namespaces \\\"no-such-namespace\\\" not found", orphan.Response.Content);
    }

    [Fact]
    public async Task Secrets_fold_string_data_and_services_get_addresses()
    {
        using var client = Client();
        await EnsureNamespaceAsync(client, "typed2");
        var secret = await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "creds" },
            StringData = new Dictionary<string, string> { ["password"] = "s3cr3t" },
        }, "typed2");
        Assert.Null(secret.StringData);
        Assert.Equal("s3cr3t", System.Text.Encoding.UTF8.GetString(secret.Data["password"]));
        Assert.Equal("Opaque", secret.Type);

        var service = await client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1ServiceSpec { Type = "NodePort", Ports = [new V1ServicePort { Port = 80 }], Selector = new Dictionary<string, string> { ["app"] = "web" } },
        }, "typed2");
        Assert.Matches(@"^10\.(9[6-9]|1[01][0-9])\.\d+\.\d+$", service.Spec.ClusterIP);
        Assert.InRange(service.Spec.Ports[0].NodePort ?? 0, 30000, 32767);
        Assert.Equal("TCP", service.Spec.Ports[0].Protocol);
    }

    [Fact]
    public async Task Patches_and_server_side_apply_keep_managed_fields()
    {
        using var client = Client();
        await EnsureNamespaceAsync(client, "typed3");
        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "typed3" },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "api" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "api" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "api", Image = "api:1" }] },
                },
            },
        };
        var applied = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(KubernetesJson.Serialize(deployment), V1Patch.PatchType.ApplyPatch), "api", "typed3", fieldManager: "backup-controller", force: true);
        Assert.Equal(1, applied.Metadata.Generation);
        var entry = Assert.Single(applied.Metadata.ManagedFields);
        Assert.Equal(("backup-controller", "Apply"), (entry.Manager, entry.Operation));

        var merged = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{"replicas":3}}""", V1Patch.PatchType.MergePatch), "api", "typed3", fieldManager: "scaler");
        Assert.Equal(3, merged.Spec.Replicas);
        Assert.Equal(2, merged.Metadata.Generation);

        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(KubernetesJson.Serialize(deployment), V1Patch.PatchType.ApplyPatch), "api", "typed3", fieldManager: "backup-controller", force: false));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \\\"scaler\\\" using apps/v1: .spec.replicas", conflict.Response.Content);

        var forced = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(KubernetesJson.Serialize(deployment), V1Patch.PatchType.ApplyPatch), "api", "typed3", fieldManager: "backup-controller", force: true);
        Assert.Equal(1, forced.Spec.Replicas);
        Assert.DoesNotContain(forced.Metadata.ManagedFields, m => m.Manager == "scaler");

        var jsonPatch = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""[{"op":"add","path":"/metadata/labels","value":{"tier":"api"}}]""", V1Patch.PatchType.JsonPatch), "api", "typed3");
        Assert.Equal("api", jsonPatch.Metadata.Labels["tier"]);
        var strategic = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"sidecar:1"}]}}}}""", V1Patch.PatchType.StrategicMergePatch), "api", "typed3");
        Assert.Equal(["api", "sidecar"], strategic.Spec.Template.Spec.Containers.Select(c => c.Name));
    }

    [Fact]
    public async Task Generic_client_lists_reads_and_deletes_built_ins()
    {
        using var client = Client();
        await EnsureNamespaceAsync(client, "generic");
        using var configMaps = new GenericClient(client, "", "v1", "configmaps");
        await configMaps.CreateNamespacedAsync(new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "g1" } }, "generic");
        var list = await configMaps.ListNamespacedAsync<V1ConfigMapList>("generic");
        Assert.Equal(["g1", "kube-root-ca.crt"], list.Items.Select(i => i.Metadata.Name));
        var read = await configMaps.ReadNamespacedAsync<V1ConfigMap>("generic", "g1");
        Assert.Equal("g1", read.Metadata.Name);
        await configMaps.DeleteNamespacedAsync<V1Status>("generic", "g1");

        using var deployments = new GenericClient(client, "apps", "v1", "deployments");
        var all = await deployments.ListAsync<V1DeploymentList>();
        Assert.NotNull(all.Items);
        using var namespaces = new GenericClient(client, "", "v1", "namespaces");
        var kubeSystem = await namespaces.ReadAsync<V1Namespace>("kube-system");
        Assert.Equal(fixture.Emulator.KubeSystemUid, kubeSystem.Metadata.Uid);
    }

    [Fact]
    public async Task Crds_custom_resources_scale_and_namespace_deletion_through_the_client()
    {
        using var client = Client();
        var yaml = await File.ReadAllTextAsync(Path.Combine(Fixtures.Crds, "velero", "v1", "bases", "velero.io_backups.yaml"));
        var crd = await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(yaml));
        var established = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name);
        Assert.Contains(established.Status.Conditions, c => c is { Type: "Established", Status: "True" });

        await EnsureNamespaceAsync(client, "client-velero");
        using var backups = new GenericClient(client, "velero.io", "v1", "backups");
        var backup = new VeleroBackup
        {
            Metadata = new V1ObjectMeta { Name = "b1", NamespaceProperty = "client-velero" },
            Spec = new JsonObject { ["includedNamespaces"] = new JsonArray("app"), ["ttl"] = "720h0m0s", ["bogus"] = 1 },
        };
        var created = await backups.CreateNamespacedAsync(backup, "client-velero");
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Null(created.Spec!["bogus"]);
        var listed = await backups.ListNamespacedAsync<VeleroBackupList>("client-velero");
        Assert.Equal("BackupList", listed.Kind);
        Assert.Equal("720h0m0s", (string?)Assert.Single(listed.Items).Spec!["ttl"]);

        await client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "app" },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "a" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "a" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "a", Image = "a:1" }] },
                },
            },
        }, "client-velero");
        var scale = await client.AppsV1.ReadNamespacedDeploymentScaleAsync("app", "client-velero");
        Assert.Equal((1, "app=a"), (scale.Spec.Replicas, scale.Status.Selector));
        var scaled = await client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":4}}""", V1Patch.PatchType.MergePatch), "app", "client-velero");
        Assert.Equal(4, scaled.Spec.Replicas);
        Assert.Equal(4, (await client.AppsV1.ReadNamespacedDeploymentAsync("app", "client-velero")).Spec.Replicas);

        var terminating = await client.CoreV1.DeleteNamespaceAsync("client-velero");
        Assert.NotNull(terminating);
        for (var i = 0; i < 50; i++)
        {
            try
            {
                await client.CoreV1.ReadNamespaceAsync("client-velero");
                await Task.Delay(100);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                break;
            }
        }

        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespaceAsync("client-velero"));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
        Assert.Empty(fixture.Emulator.Store.List("velero.io/backups", "client-velero").Items);
    }

    [Fact]
    public async Task Exec_over_the_v4_websocket_protocol_returns_output_and_exit_code()
    {
        using var client = Client();
        await EnsureNamespaceAsync(client, "exec");
        await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "db" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "mysql", Image = "mysql:8" }] },
        }, "exec");
        fixture.Emulator.Exec.Register(["mysqldump", "--all-databases"], "-- dump --\n");
        fixture.Emulator.Exec.Register(["false"], "", exitCode: 1, stderr: "failed\n");

        var stdout = "";
        var code = await client.NamespacedPodExecAsync("db", "exec", "mysql", ["mysqldump", "--all-databases"], false,
            async (_, output, _) => stdout = await new StreamReader(output).ReadToEndAsync(), CancellationToken.None);
        Assert.Equal((0, "-- dump --\n"), (code, stdout));

        var stderr = "";
        var failed = await client.NamespacedPodExecAsync("db", "exec", "mysql", ["false"], false,
            async (_, _, error) => stderr = await new StreamReader(error).ReadToEndAsync(), CancellationToken.None);
        Assert.Equal((1, "failed\n"), (failed, stderr));
    }

    [Fact]
    public async Task A_scripted_exec_runs_for_its_duration_and_a_client_that_gives_up_leaves_the_server_serving()
    {
        using var client = Client();
        await EnsureNamespaceAsync(client, "exec-slow");
        await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "db" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "mysql", Image = "mysql:8" }] },
        }, "exec-slow");
        fixture.Emulator.Exec.Register(new ExecScript(["sleep", "1"], new ExecResult("slept\n") { Duration = TimeSpan.FromMilliseconds(700) }) { Namespace = "exec-slow" });
        fixture.Emulator.Exec.Register(new ExecScript(["sleep", "60"], new ExecResult("never\n") { Duration = TimeSpan.FromSeconds(60) }) { Namespace = "exec-slow" });

        var started = TimeProvider.System.GetTimestamp();
        var stdout = "";
        var code = await client.NamespacedPodExecAsync("db", "exec-slow", "mysql", ["sleep", "1"], false,
            async (_, output, _) => stdout = await new StreamReader(output).ReadToEndAsync(), CancellationToken.None);
        Assert.Equal((0, "slept\n"), (code, stdout));
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(700));

        using (var socket = await client.WebSocketNamespacedPodExecAsync("db", "exec-slow", ["sleep", "60"], "mysql", stdin: false, tty: false))
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => socket.ReceiveAsync(new byte[1024], giveUp.Token));
        }

        var again = await client.NamespacedPodExecAsync("db", "exec-slow", "mysql", ["sleep", "1"], false,
            (_, _, _) => Task.CompletedTask, CancellationToken.None);
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task Watch_sends_added_events_and_bookmarks_when_asked()
    {
        using var client = Client();
        await EnsureNamespaceAsync(client, "watching");
        var events = new List<(WatchEventType Type, string Name)>();
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, item) in client.CoreV1.WatchListNamespacedConfigMapAsync("watching", allowWatchBookmarks: true, timeoutSeconds: 2))
            {
                events.Add((type, item.Metadata?.Name ?? ""));
            }
        });
        await Task.Delay(500);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "late" } }, "watching");
        await watching;

        Assert.Contains((WatchEventType.Added, "kube-root-ca.crt"), events);
        Assert.Contains((WatchEventType.Added, "late"), events);
        Assert.Contains(events, e => e.Type == WatchEventType.Bookmark);
    }
}
