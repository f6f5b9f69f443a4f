using k8s;
using Velero.Kubernetes.Install;
using Velero.KubeEmulator;

namespace Velero.Integration.Tests.Clusters;

/// <summary>Two emulated clusters, dev-a and dev-b, in one kubeconfig, each ready for Velero (CRDs, namespace).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public string Kubeconfig { get; } = Path.Combine(Path.GetTempPath(), $"velero-tests-{Guid.NewGuid():N}.kubeconfig");

    public KubeEmulator.KubeEmulator DevA { get; private set; } = null!;

    public KubeEmulator.KubeEmulator DevB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        DevA = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "dev-a", KubeconfigPath = Kubeconfig });
        DevB = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "dev-b", KubeconfigPath = Kubeconfig });
        foreach (var context in new[] { "dev-a", "dev-b" })
        {
            using var client = Client(context);
            await VeleroCrdInstaller.ApplyAsync(client, "velero", TimeSpan.FromSeconds(30));
        }
    }

    public IKubernetes Client(string context) =>
        new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig, currentContext: context));

    public async Task DisposeAsync()
    {
        await DevA.DisposeAsync();
        await DevB.DisposeAsync();
        File.Delete(Kubeconfig);
    }
}
