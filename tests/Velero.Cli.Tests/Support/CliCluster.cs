using k8s;
using Velero.Kubernetes.Install;
using Velero.KubeEmulator;

namespace Velero.Cli.Tests.Support;

/// <summary>
/// An emulated cluster with the velero.io CRDs and the <c>velero</c> namespace, and a kubeconfig the CLI is pointed
/// at with <c>--kubeconfig</c>. One per test class (an xunit class fixture); tests create what they print.
/// </summary>
public sealed class CliCluster : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("velero-cli-cluster-").FullName;

    public KubeEmulator.KubeEmulator Emulator { get; private set; } = null!;

    /// <summary>The emulator's clock, two days before <see cref="CliRunner.Now"/>, so creation times are fixed.</summary>
    internal FixedTime Clock { get; } = new(CliRunner.Now.AddDays(-2));
    public IKubernetes Client { get; private set; } = null!;
    public string Kubeconfig => Emulator.KubeconfigPath;

    /// <summary><c>--kubeconfig PATH</c>, to append to a command line.</summary>
    public string[] Flags => ["--kubeconfig", Kubeconfig];

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions
        {
            ContextName = "cli-test",
            KubeconfigPath = Path.Combine(_directory, "kubeconfig"),
            SecureListen = null,
            Clock = Clock,
        });
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig));
        await VeleroCrdInstaller.ApplyAsync(Client, "velero", TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
