using System.Text.Json.Nodes;
using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Kubectl;

/// <summary>Everyday kubectl commands, with the output kubectl prints against a real cluster.</summary>
public sealed class KubectlCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Support.Kubectl Kubectl => fixture.Kubectl;

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: cmds
          labels: {app: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: nginx:1.25
                ports: [{containerPort: 80}]
              - name: sidecar
                image: busybox:1.36
        """;

    private async Task<KubectlResult> ApplyAsync(string yaml, params string[] extra) =>
        await Kubectl.RunWithInputAsync(yaml, ["apply", "-f", "-", .. extra]);

    private async Task EnsureNamespaceAsync(string ns) => await Kubectl.RunAsync("create", "namespace", ns);

    [Fact]
    public async Task Api_versions_lists_every_group_version_backups_meet()
    {
        var result = await Kubectl.RunAsync("api-versions");
        Assert.Equal(0, result.ExitCode);
        string[] required =
        [
            "v1", "apps/v1", "batch/v1", "rbac.authorization.k8s.io/v1", "networking.k8s.io/v1", "policy/v1", "autoscaling/v2",
            "storage.k8s.io/v1", "scheduling.k8s.io/v1", "coordination.k8s.io/v1", "admissionregistration.k8s.io/v1",
            "apiextensions.k8s.io/v1", "apiregistration.k8s.io/v1", "snapshot.storage.k8s.io/v1", "events.k8s.io/v1",
        ];
        Assert.All(required, gv => Assert.Contains(gv, result.StdoutLines));
        Assert.Equal(result.StdoutLines.Order(StringComparer.Ordinal), result.StdoutLines);
    }

    [Fact]
    public async Task Api_resources_shows_names_short_names_scope_and_kind()
    {
        var result = await Kubectl.RunAsync("api-resources", "--no-headers");
        Assert.Equal(0, result.ExitCode);
        var rows = result.StdoutLines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(rows, r => r.SequenceEqual(["deployments", "deploy", "apps/v1", "true", "Deployment"]));
        Assert.Contains(rows, r => r.SequenceEqual(["namespaces", "ns", "v1", "false", "Namespace"]));
        Assert.Contains(rows, r => r.SequenceEqual(["persistentvolumes", "pv", "v1", "false", "PersistentVolume"]));
        Assert.Contains(rows, r => r.SequenceEqual(["customresourcedefinitions", "crd,crds", "apiextensions.k8s.io/v1", "false", "CustomResourceDefinition"]));
        Assert.Contains(rows, r => r.SequenceEqual(["volumesnapshots", "vs", "snapshot.storage.k8s.io/v1", "true", "VolumeSnapshot"]));
        var names = await Kubectl.RunAsync("api-resources", "-o", "name", "--namespaced=false");
        Assert.Contains("clusterroles.rbac.authorization.k8s.io", names.StdoutLines);
        Assert.DoesNotContain("pods", names.StdoutLines);
    }

    [Fact]
    public async Task Every_namespace_has_the_default_service_account_and_root_ca_and_kube_system_keeps_its_uid()
    {
        var result = await Kubectl.RunAsync("get", "serviceaccounts,configmaps", "-A", "-o", "json");
        Assert.Equal(0, result.ExitCode);
        var list = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("List", (string?)list["kind"]);
        var items = list["items"]!.AsArray().Select(i => $"{i!["kind"]}/{i["metadata"]!["namespace"]}/{i["metadata"]!["name"]}").ToList();
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            Assert.Contains($"ServiceAccount/{ns}/default", items);
            Assert.Contains($"ConfigMap/{ns}/kube-root-ca.crt", items);
        }

        var uid = await Kubectl.RunAsync("get", "namespace", "kube-system", "-o", "jsonpath={.metadata.uid}");
        Assert.Equal(fixture.Emulator.KubeSystemUid, uid.Stdout);
    }

    [Fact]
    public async Task Patch_in_all_three_types_and_no_change_is_reported()
    {
        await EnsureNamespaceAsync("cmds");
        Assert.Equal(0, (await ApplyAsync(Deployment)).ExitCode);

        var strategic = await Kubectl.RunAsync("patch", "deployment", "web", "-n", "cmds", "-p",
            """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.26"}]}}}}""");
        Assert.Equal(["deployment.apps/web patched"], strategic.StdoutLines);
        var images = await Kubectl.RunAsync("get", "deployment", "web", "-n", "cmds", "-o", "jsonpath={.spec.template.spec.containers[*].image}");
        Assert.Equal("nginx:1.26 busybox:1.36", images.Stdout);

        var merge = await Kubectl.RunAsync("patch", "deployment", "web", "-n", "cmds", "--type", "merge", "-p", """{"metadata":{"labels":{"tier":"front"}}}""");
        Assert.Equal(["deployment.apps/web patched"], merge.StdoutLines);

        var json = await Kubectl.RunAsync("patch", "deployment", "web", "-n", "cmds", "--type", "json", "-p", """[{"op":"replace","path":"/spec/replicas","value":4}]""");
        Assert.Equal(["deployment.apps/web patched"], json.StdoutLines);
        var again = await Kubectl.RunAsync("patch", "deployment", "web", "-n", "cmds", "--type", "json", "-p", """[{"op":"replace","path":"/spec/replicas","value":4}]""");
        Assert.Equal(["deployment.apps/web patched (no change)"], again.StdoutLines);

        var state = JsonNode.Parse((await Kubectl.RunAsync("get", "deployment", "web", "-n", "cmds", "-o", "json")).Stdout)!;
        Assert.Equal(4, (int)state["spec"]!["replicas"]!);
        Assert.Equal("front", (string?)state["metadata"]!["labels"]!["tier"]);
        Assert.Equal(3, (int)state["metadata"]!["generation"]!);

        var failing = await Kubectl.RunAsync("patch", "deployment", "web", "-n", "cmds", "--type", "json", "-p", """[{"op":"test","path":"/spec/replicas","value":9}]""");
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("The request is invalid: the server rejected our request due to an error in our request", failing.Stderr);
    }

    [Fact]
    public async Task Label_annotate_and_scale()
    {
        await EnsureNamespaceAsync("cmds");
        await ApplyAsync(Deployment.Replace("name: web\n  namespace", "name: api\n  namespace", StringComparison.Ordinal));

        Assert.Equal(["deployment.apps/api labeled"], (await Kubectl.RunAsync("label", "deployment", "api", "-n", "cmds", "team=a")).StdoutLines);
        var clash = await Kubectl.RunAsync("label", "deployment", "api", "-n", "cmds", "team=b");
        Assert.Equal(1, clash.ExitCode);
        Assert.Contains("'team' already has a value (a), and --overwrite is false", clash.Stderr);
        Assert.Equal(["deployment.apps/api labeled"], (await Kubectl.RunAsync("label", "deployment", "api", "-n", "cmds", "team=b", "--overwrite")).StdoutLines);
        Assert.Equal(["deployment.apps/api unlabeled"], (await Kubectl.RunAsync("label", "deployment", "api", "-n", "cmds", "team-")).StdoutLines);
        Assert.Equal(["deployment.apps/api annotated"], (await Kubectl.RunAsync("annotate", "deployment", "api", "-n", "cmds", "owner=backup-team")).StdoutLines);

        Assert.Equal(["deployment.apps/api scaled"], (await Kubectl.RunAsync("scale", "deployment", "api", "-n", "cmds", "--replicas=5")).StdoutLines);
        var replicas = await Kubectl.RunAsync("get", "deployment", "api", "-n", "cmds", "-o", "jsonpath={.spec.replicas} {.metadata.annotations.owner}");
        Assert.Equal("5 backup-team", replicas.Stdout);
    }

    [Fact]
    public async Task Delete_namespace_removes_its_contents_and_waits_for_finalizers()
    {
        await EnsureNamespaceAsync("doomed");
        await ApplyAsync(Deployment.Replace("namespace: cmds", "namespace: doomed", StringComparison.Ordinal));
        await ApplyAsync("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: held, namespace: doomed, finalizers: [example.com/hold]}
            data: {a: b}
            """);

        var delete = await Kubectl.RunAsync("delete", "namespace", "doomed", "--wait=false");
        Assert.Equal(["namespace \"doomed\" deleted"], delete.StdoutLines);
        await Task.Delay(500);
        var phase = await Kubectl.RunAsync("get", "namespace", "doomed", "-o", "jsonpath={.status.phase}");
        Assert.Equal("Terminating", phase.Stdout);
        var blocked = await ApplyAsync("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: late, namespace: doomed}\n");
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("configmaps \"late\" is forbidden: unable to create new content in namespace doomed because it is being terminated", blocked.Stderr);
        Assert.Equal("", (await Kubectl.RunAsync("get", "deployments", "-n", "doomed", "-o", "name")).Stdout);

        var release = await Kubectl.RunAsync("patch", "configmap", "held", "-n", "doomed", "--type", "merge", "-p", """{"metadata":{"finalizers":null}}""");
        Assert.Equal(0, release.ExitCode);
        var wait = await Kubectl.RunAsync("wait", "--for=delete", "namespace/doomed", "--timeout=20s");
        Assert.True(wait.ExitCode == 0, wait.ToString());
        var gone = await Kubectl.RunAsync("get", "namespace", "doomed");
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains("Error from server (NotFound): namespaces \"doomed\" not found", gone.Stderr);
    }

    [Fact]
    public async Task Create_generators_send_protobuf_and_get_real_objects()
    {
        await EnsureNamespaceAsync("gen");
        Assert.Equal(["deployment.apps/d created"], (await Kubectl.RunAsync("create", "deployment", "d", "-n", "gen", "--image=nginx:1.25", "--replicas=0", "--port=80")).StdoutLines);
        Assert.Equal(["pod/p created"], (await Kubectl.RunAsync("run", "p", "-n", "gen", "--image=busybox:1.36", "--", "sleep", "60")).StdoutLines);
        Assert.Equal(["job.batch/j created"], (await Kubectl.RunAsync("create", "job", "j", "-n", "gen", "--image=busybox:1.36", "--", "echo", "hi")).StdoutLines);
        Assert.Equal(["service/s created"], (await Kubectl.RunAsync("create", "service", "nodeport", "s", "-n", "gen", "--tcp=80:8080")).StdoutLines);
        Assert.Equal(["role.rbac.authorization.k8s.io/r created"], (await Kubectl.RunAsync("create", "role", "r", "-n", "gen", "--verb=get,list", "--resource=pods")).StdoutLines);
        Assert.Equal(["rolebinding.rbac.authorization.k8s.io/rb created"], (await Kubectl.RunAsync("create", "rolebinding", "rb", "-n", "gen", "--role=r", "--serviceaccount=gen:default")).StdoutLines);
        Assert.Equal(["configmap/c created"], (await Kubectl.RunAsync("create", "configmap", "c", "-n", "gen", "--from-literal=a=b")).StdoutLines);
        Assert.Equal(["secret/s created"], (await Kubectl.RunAsync("create", "secret", "generic", "s", "-n", "gen", "--from-literal=p=q")).StdoutLines);

        Assert.Equal("0 nginx:1.25 80 TCP", (await Kubectl.RunAsync("get", "deployment", "d", "-n", "gen", "-o",
            "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].ports[0].containerPort} {.spec.template.spec.containers[0].ports[0].protocol}")).Stdout);
        Assert.Equal("sleep 60 Pending", (await Kubectl.RunAsync("get", "pod", "p", "-n", "gen", "-o", "jsonpath={.spec.containers[0].args[*]} {.status.phase}")).Stdout);
        var job = await Kubectl.RunAsync("get", "job", "j", "-n", "gen", "-o", "jsonpath={.spec.selector.matchLabels.batch\\.kubernetes\\.io/controller-uid}={.metadata.uid}");
        Assert.Matches("^([0-9a-f-]{36})=\\1$", job.Stdout);
        var ports = await Kubectl.RunAsync("get", "service", "s", "-n", "gen", "-o", "jsonpath={.spec.ports[0].port} {.spec.ports[0].targetPort} {.spec.ports[0].nodePort}");
        Assert.Matches("^80 8080 3[0-2][0-9]{3}$", ports.Stdout);
        Assert.Equal("cQ==", (await Kubectl.RunAsync("get", "secret", "s", "-n", "gen", "-o", "jsonpath={.data.p}")).Stdout);
        Assert.Equal("[\"get\",\"list\"]", (await Kubectl.RunAsync("get", "role", "r", "-n", "gen", "-o", "jsonpath={.rules[0].verbs}")).Stdout);
    }

    [Fact]
    public async Task Wait_for_a_CRD_to_be_established()
    {
        var crd = Path.Combine(Fixtures.Crds, "velero", "v1", "bases", "velero.io_backups.yaml");
        Assert.Equal(0, (await Kubectl.RunAsync("apply", "-f", crd)).ExitCode);
        var wait = await Kubectl.RunAsync("wait", "--for=condition=Established", "crd/backups.velero.io", "--timeout=20s");
        Assert.Equal(["customresourcedefinition.apiextensions.k8s.io/backups.velero.io condition met"], wait.StdoutLines);
    }

    [Fact]
    public async Task Get_watch_prints_existing_objects_once_then_changes()
    {
        await EnsureNamespaceAsync("watched");
        var result = await Kubectl.RunForAsync(TimeSpan.FromSeconds(2), async () =>
        {
            await Task.Delay(1500);
            await ApplyAsync("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fresh, namespace: watched}\n");
        }, "get", "configmaps", "-n", "watched", "--watch", "-o", "name");

        var lines = result.StdoutLines;
        Assert.Single(lines, l => l == "configmap/kube-root-ca.crt");
        Assert.Contains("configmap/fresh", lines);
        Assert.DoesNotContain(lines, l => l.Contains("unknown", StringComparison.OrdinalIgnoreCase));
    }
}
