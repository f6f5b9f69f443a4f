using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Velero.KubeEmulator;
using Velero.KubeEmulator.Exec;

namespace Velero.Snapshotter.Tests.Hooks;

/// <summary>
/// One Kubernetes API emulator per test class with a namespace <c>shop</c> and the exec answers the hook tests share;
/// each test makes pods of its own name, so their exec invocations stay apart.
/// </summary>
public sealed class HookCluster : IAsyncLifetime, IDisposable
{
    public const string Namespace = "shop";

    public KubeEmulator.KubeEmulator Emulator { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "hooks" });
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Emulator.KubeconfigPath));
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        Emulator.Exec.Register(["fsfreeze", "--freeze", "/var/lib/mysql"], "frozen\n");
        Emulator.Exec.Register(["false"], "", exitCode: 1, stderr: "password=hunter2\n");
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public void Dispose() => Client?.Dispose();

    /// <summary>A pod with containers mysql and sidecar, in <paramref name="phase"/>, read back from the API as the collector reads it.</summary>
    public async Task<JsonObject> PodAsync(string name, string phase = "Running", Dictionary<string, string>? annotations = null)
    {
        await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "db" }, Annotations = annotations },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "mysql", Image = "mysql:8" }, new V1Container { Name = "sidecar", Image = "busybox" }] },
        }, Namespace);
        var read = await Client.CoreV1.ReadNamespacedPodAsync(name, Namespace);
        read.Status = new V1PodStatus { Phase = phase };
        await Client.CoreV1.ReplaceNamespacedPodStatusAsync(read, name, Namespace);
        var pod = await Client.CoreV1.ReadNamespacedPodAsync(name, Namespace);
        return JsonNode.Parse(KubernetesJson.Serialize(pod))!.AsObject();
    }

    /// <summary>The commands run in <paramref name="pod"/> so far, in order.</summary>
    public List<ExecInvocation> RunIn(string pod) => [.. Emulator.Exec.Invocations.Where(i => i.Pod == pod)];
}
