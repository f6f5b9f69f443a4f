using Velero.Cli.Tests.Install;

namespace Velero.Cli.Tests.Deploy;

/// <summary>
/// deploy/ against <c>velero install</c>: each kustomization, rendered by the real <c>kubectl kustomize</c>, holds
/// exactly the objects <c>velero install --dry-run -o yaml</c> prints for its flags (Secrets aside: the user creates
/// them, as deploy/README.md says), and applies cleanly to the emulated cluster with real kubectl.
/// </summary>
public sealed class DeployOverlayTests : IDisposable
{
    private readonly string _credentials = Path.Combine(Path.GetTempPath(), $"velero-deploy-creds-{Guid.NewGuid():N}");

    public DeployOverlayTests() => File.WriteAllText(_credentials, "[default]\naws_access_key_id=minio\naws_secret_access_key=minio123\n");

    public void Dispose() => File.Delete(_credentials);

    public static TheoryData<string> Kustomizations => [.. DeployOverlays.All];

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task The_kustomization_renders_the_objects_velero_install_prints_for_its_flags(string kustomization)
    {
        var rendered = ManifestObjects.Parse(await DeployOverlays.RenderAsync(kustomization));
        var installed = ManifestObjects.WithoutSecrets(ManifestObjects.Parse(await DeployOverlays.InstallAsync(kustomization, _credentials)));

        Assert.DoesNotContain(rendered.Keys, key => key.StartsWith("Secret ", StringComparison.Ordinal));
        Assert.Equal(installed.Keys, rendered.Keys);
        foreach (var (key, json) in installed)
        {
            Assert.True(json == rendered[key], $"{key} differs from velero install's:\n--- velero install\n{json}\n--- deploy/{kustomization}\n{rendered[key]}");
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task The_kustomization_applies_cleanly_with_kubectl_server_side_apply(string kustomization)
    {
        await using var cluster = await BareCluster.StartAsync();
        var manifest = await DeployOverlays.RenderAsync(kustomization);
        var objects = ManifestObjects.Parse(manifest);

        var crds = await cluster.KubectlAsync(null, null, "apply", "--server-side", "-k", Path.Combine(Velero.Testing.RepositoryPaths.Root, "deploy", "crds"));
        Assert.True(crds.ExitCode == 0, crds.Stderr);
        var established = await cluster.KubectlAsync(null, null, "wait", "--for", "condition=established", "crd", "-l", "component=velero", "--timeout=60s");
        Assert.True(established.ExitCode == 0, established.Stderr);
        var applied = await cluster.KubectlAsync(manifest, null, "apply", "--server-side", "-f", "-");

        Assert.True(applied.ExitCode == 0, applied.Stderr);
        Assert.Equal(objects.Count, applied.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("Warning", applied.Stderr, StringComparison.Ordinal);
        var again = await cluster.KubectlAsync(manifest, null, "apply", "--server-side", "-f", "-");
        Assert.True(again.ExitCode == 0, again.Stderr);
        var workloads = await cluster.KubectlAsync(null, null, "get", "deployments,statefulsets,networkpolicies,poddisruptionbudgets", "-n", "velero", "-o", "name");
        Assert.Equal(
            objects.Keys.Where(k => k.Split(' ')[0] is "Deployment" or "StatefulSet" or "NetworkPolicy" or "PodDisruptionBudget").Count(),
            workloads.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
