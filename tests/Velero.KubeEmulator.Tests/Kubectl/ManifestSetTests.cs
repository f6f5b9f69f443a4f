using Velero.KubeEmulator.Json;
using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Kubectl;

/// <summary>
/// kubectl apply (client-side and --server-side) and delete -f of the fixture manifest sets. Expected output is
/// derived from the manifests and Kubernetes' rules (kubectl's "kind.group/name created" lines, the 256 KiB
/// annotation limit, removed API versions), not from the emulator.
/// </summary>
public sealed class ManifestSetTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Support.Kubectl Kubectl => fixture.Kubectl;

    [Fact]
    public async Task Microservices_demo_applies_reapplies_unchanged_and_deletes()
    {
        var file = Path.Combine(Fixtures.Manifests, "microservices-demo", "kubernetes-manifests.yaml");
        var objects = Fixtures.Objects(file);
        Assert.Equal(35, objects.Count);
        Assert.Equal(["namespace/boutique created"], (await Kubectl.RunAsync("create", "namespace", "boutique")).StdoutLines);

        var apply = await Kubectl.RunAsync("apply", "-n", "boutique", "-f", file);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal(objects.Select(o => Fixtures.KubectlName(o) + " created"), apply.StdoutLines);

        var again = await Kubectl.RunAsync("apply", "-n", "boutique", "-f", file);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(objects.Select(o => Fixtures.KubectlName(o) + " unchanged"), again.StdoutLines);

        var delete = await Kubectl.RunAsync("delete", "-n", "boutique", "-f", file);
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Equal(objects.Select(o => Fixtures.KubectlName(o).Replace("/", " \"", StringComparison.Ordinal) + "\" deleted"), delete.StdoutLines);
        var left = await Kubectl.RunAsync("get", "deployments,services", "-n", "boutique", "-o", "name");
        Assert.Equal("", left.Stdout);
    }

    [Fact]
    public async Task Argo_cd_client_side_apply_fails_exactly_for_CRDs_over_the_annotation_limit()
    {
        var file = Path.Combine(Fixtures.Manifests, "argo-cd", "install.yaml");
        var objects = Fixtures.Objects(file);
        await Kubectl.RunAsync("create", "namespace", "argocd-csa");

        var apply = await Kubectl.RunAsync("apply", "-n", "argocd-csa", "-f", file);

        Assert.Equal(1, apply.ExitCode);
        var tooLarge = objects.Where(Fixtures.TooLargeForClientSideApply).ToList();
        Assert.Equal(["applicationsets.argoproj.io"], tooLarge.Select(Meta.Name));
        foreach (var obj in objects)
        {
            if (tooLarge.Contains(obj))
            {
                Assert.Contains($"The CustomResourceDefinition \"{Meta.Name(obj)}\" is invalid: metadata.annotations: Too long: must have at most 262144 bytes", apply.Stderr);
            }
            else
            {
                Assert.Contains(Fixtures.KubectlName(obj) + " ", apply.Stdout);
            }
        }
    }

    [Fact]
    public async Task Argo_cd_server_side_apply_applies_every_object()
    {
        var file = Path.Combine(Fixtures.Manifests, "argo-cd", "install.yaml");
        var objects = Fixtures.Objects(file);
        await Kubectl.RunAsync("create", "namespace", "argocd-ssa");

        var apply = await Kubectl.RunAsync("apply", "-n", "argocd-ssa", "--server-side", "--force-conflicts", "-f", file);

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal(objects.Select(o => Fixtures.KubectlName(o) + " serverside-applied"), apply.StdoutLines);
        var crd = await Kubectl.RunAsync("get", "crd", "applicationsets.argoproj.io", "-o", "jsonpath={.metadata.managedFields[0].manager}/{.metadata.managedFields[0].operation}");
        Assert.Equal("kubectl/Apply", crd.Stdout);

        var delete = await Kubectl.RunAsync("delete", "-n", "argocd-ssa", "-f", file);
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Equal(objects.Select(o => Fixtures.KubectlName(o).Replace("/", " \"", StringComparison.Ordinal) + "\" deleted"), delete.StdoutLines);
    }

    [Fact]
    public async Task Kube_prometheus_setup_needs_server_side_apply_then_the_stack_applies_and_deletes()
    {
        var setup = Path.Combine(Fixtures.Manifests, "kube-prometheus", "setup");
        var stack = Path.Combine(Fixtures.Manifests, "kube-prometheus");
        var setupObjects = Fixtures.Objects(setup);

        var clientSide = await Kubectl.RunAsync("apply", "-f", setup);
        Assert.Equal(1, clientSide.ExitCode);
        foreach (var crd in setupObjects.Where(Fixtures.TooLargeForClientSideApply))
        {
            // With several failures kubectl prints each as "Error from server (Invalid): error when creating ...".
            Assert.Contains($"CustomResourceDefinition.apiextensions.k8s.io \"{Meta.Name(crd)}\" is invalid: metadata.annotations: Too long: must have at most 262144 bytes", clientSide.Stderr);
        }

        var serverSide = await Kubectl.RunAsync("apply", "--server-side", "-f", setup);
        Assert.True(serverSide.ExitCode == 0, serverSide.ToString());
        Assert.Equal(setupObjects.Select(o => Fixtures.KubectlName(o) + " serverside-applied"), serverSide.StdoutLines);

        var wait = await Kubectl.RunAsync("wait", "--for", "condition=Established", "--all", "CustomResourceDefinition", "--timeout=30s");
        Assert.True(wait.ExitCode == 0, wait.ToString());
        foreach (var crd in setupObjects.Where(o => Meta.Str(o, "kind") == "CustomResourceDefinition"))
        {
            Assert.Contains($"customresourcedefinition.apiextensions.k8s.io/{Meta.Name(crd)} condition met", wait.Stdout);
        }

        var apply = await Kubectl.RunAsync("apply", "-f", stack);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        foreach (var obj in Fixtures.Objects(stack))
        {
            Assert.Contains(Fixtures.KubectlName(obj) + " created", apply.Stdout);
        }

        var delete = await Kubectl.RunAsync("delete", "-f", stack);
        Assert.True(delete.ExitCode == 0, delete.ToString());
        var deleteSetup = await Kubectl.RunAsync("delete", "-f", setup);
        Assert.True(deleteSetup.ExitCode == 0, deleteSetup.ToString());
        Assert.Contains("namespace \"monitoring\" deleted", deleteSetup.Stdout);
        var crds = await Kubectl.RunAsync("get", "crd", "-o", "name");
        Assert.DoesNotContain("monitoring.coreos.com", crds.Stdout);
    }

    [Fact]
    public async Task Velero_examples_apply_and_delete_with_their_namespaces()
    {
        var folder = Path.Combine(Fixtures.Manifests, "velero-examples");
        var files = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, files.Count);
        foreach (var file in files)
        {
            var apply = await Kubectl.RunAsync("apply", "-f", file);
            Assert.True(apply.ExitCode == 0, apply.ToString());
            Assert.All(Fixtures.Objects(file), o => Assert.Matches($"{Fixtures.KubectlName(o)} (created|configured|unchanged)", apply.Stdout));
        }

        var hooks = await Kubectl.RunAsync("get", "deployment", "nginx-deployment", "-n", "nginx-example",
            "-o", "jsonpath={.spec.template.metadata.annotations.pre\\.hook\\.backup\\.velero\\.io/command}");
        Assert.Contains("fsfreeze", hooks.Stdout);

        foreach (var file in files.AsEnumerable().Reverse())
        {
            var delete = await Kubectl.RunAsync("delete", "--ignore-not-found", "-f", file);
            Assert.True(delete.ExitCode == 0, delete.ToString());
        }

        var namespaces = await Kubectl.RunAsync("get", "namespaces", "-o", "name");
        Assert.DoesNotContain("namespace/nginx-example", namespaces.Stdout);
        Assert.DoesNotContain("namespace/velero", namespaces.Stdout);
    }
}
