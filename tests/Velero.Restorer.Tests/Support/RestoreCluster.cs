using k8s;
using k8s.Models;
using Velero.KubeEmulator;

namespace Velero.Restorer.Tests.Support;

/// <summary>
/// One Kubernetes API emulator per test class, the cluster restored into: a storage class <c>fast</c> and, in namespace
/// <c>app</c>, a service account <c>builder</c>.
/// </summary>
public sealed class RestoreCluster : IAsyncLifetime, IDisposable
{
    public KubeEmulator.KubeEmulator Emulator { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { SecureListen = null });
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Emulator.KubeconfigPath));
        await Client.StorageV1.CreateStorageClassAsync(new V1StorageClass { Metadata = new V1ObjectMeta { Name = "fast" }, Provisioner = "example.com/fast" });
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "app" } });
        await Client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "builder" } }, "app");
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public void Dispose() => Client?.Dispose();
}
