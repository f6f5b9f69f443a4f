using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Velero.KubeEmulator;
using Velero.KubeEmulator.Exec;

namespace Velero.Restorer.Tests.Hooks;

/// <summary>
/// One Kubernetes API emulator per test class with the namespace <c>shop-restored</c> (where pods are restored to from
/// <c>shop</c>) and the exec answers the tests share. The emulator runs no kubelet: a pod stays without status until a
/// test sets it, which is how tests hold a container back or let it run.
/// </summary>
public sealed class RestoreHookCluster : IAsyncLifetime, IDisposable
{
    public const string Namespace = "shop-restored";

    public KubeEmulator.KubeEmulator Emulator { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "restore-hooks" });
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Emulator.KubeconfigPath));
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        Emulator.Exec.Register(["warm-cache"], "warm\n");
        Emulator.Exec.Register(["reindex"], "done\n");
        Emulator.Exec.Register(["false"], "", exitCode: 1, stderr: "password=hunter2\n");
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public void Dispose() => Client?.Dispose();

    /// <summary>Creates a pod with containers app and sidecar (labelled app=shop) and returns it as the API answered the create.</summary>
    public async Task<JsonObject> CreatePodAsync(string name, Dictionary<string, string>? annotations = null)
    {
        var created = await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "shop" }, Annotations = annotations },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "shop:1" }, new V1Container { Name = "sidecar", Image = "busybox" }] },
        }, Namespace);
        return JsonNode.Parse(KubernetesJson.Serialize(created))!.AsObject();
    }

    /// <summary>Sets the pod's status as a kubelet would: its phase and, per container, whether it runs and is ready.</summary>
    public async Task SetStatusAsync(string name, string phase, params (string Container, bool Running, bool Ready)[] containers)
    {
        var read = await Client.CoreV1.ReadNamespacedPodAsync(name, Namespace);
        read.Status = new V1PodStatus
        {
            Phase = phase,
            ContainerStatuses = [.. containers.Select(c => new V1ContainerStatus
            {
                Name = c.Container,
                Image = "shop:1",
                ImageID = "",
                Ready = c.Ready,
                RestartCount = 0,
                State = c.Running
                    ? new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = DateTime.UtcNow } }
                    : new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "PodInitializing" } },
            })],
        };
        await Client.CoreV1.ReplaceNamespacedPodStatusAsync(read, name, Namespace);
    }

    /// <summary>Both containers running (and ready).</summary>
    public Task RunningAsync(string name) => SetStatusAsync(name, "Running", ("app", true, true), ("sidecar", true, true));

    /// <summary>The commands run in <paramref name="pod"/> so far, in order.</summary>
    public List<ExecInvocation> RunIn(string pod) => [.. Emulator.Exec.Invocations.Where(i => i.Pod == pod)];
}
