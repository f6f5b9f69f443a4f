using k8s;
using Velero.Cli.Tests.Support;
using Velero.KubeEmulator;

namespace Velero.Cli.Tests.Install;

/// <summary>
/// An emulated cluster with nothing installed (no CRDs, no velero namespace) and its HTTPS port on, where RBAC
/// judges ServiceAccount tokens; plus the machine's real kubectl pointed at it.
/// </summary>
internal sealed class BareCluster : IAsyncDisposable
{
    private readonly string _directory;

    private BareCluster(string directory, KubeEmulator.KubeEmulator emulator)
    {
        _directory = directory;
        Emulator = emulator;
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(emulator.KubeconfigPath));
    }

    public KubeEmulator.KubeEmulator Emulator { get; }

    public IKubernetes Client { get; }

    public string[] Flags => ["--kubeconfig", Emulator.KubeconfigPath];

    public static async Task<BareCluster> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("velero-install-test-").FullName;
        var emulator = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions
        {
            ContextName = "install-test",
            KubeconfigPath = Path.Combine(directory, "kubeconfig"),
        });
        return new BareCluster(directory, emulator);
    }

    /// <summary>Writes a file the CLI reads (a credentials file, a manifest) and returns its path.</summary>
    public string File(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs kubectl against the cluster as its admin, or with <paramref name="token"/> over HTTPS (where RBAC applies).</summary>
    public Task<(int ExitCode, string Stdout, string Stderr)> KubectlAsync(string? stdin, string? token, params string[] args)
    {
        var all = new List<string> { "--cache-dir", Path.Combine(_directory, "kubectl-cache") };
        if (token is not null)
        {
            all.AddRange(["--server", Emulator.SecureAddress!.ToString().TrimEnd('/'), "--insecure-skip-tls-verify=true", "--token", token]);
        }

        all.AddRange(args);
        var environment = new Dictionary<string, string> { ["KUBECONFIG"] = Emulator.KubeconfigPath, ["HOME"] = _directory };
        return Kubectl.RunAsync(stdin, environment, all);
    }

    /// <summary>A token of a ServiceAccount in <paramref name="namespace"/>, from <c>kubectl create token</c>.</summary>
    public async Task<string> TokenAsync(string serviceAccount, string @namespace = "velero")
    {
        var token = await KubectlAsync(null, null, "create", "token", serviceAccount, "-n", @namespace);
        Assert.True(token.ExitCode == 0, token.Stderr);
        return token.Stdout.Trim();
    }

    /// <summary><c>kubectl auth can-i</c> as the token's ServiceAccount: "yes" or "no".</summary>
    public async Task<string> CanAsync(string token, params string[] args) =>
        (await KubectlAsync(null, token, ["auth", "can-i", .. args])).Stdout.Trim();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
