using System.Diagnostics;
using k8s;
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
    public async Task<(int ExitCode, string Stdout, string Stderr)> KubectlAsync(string? stdin, string? token, params string[] args)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--cache-dir");
        start.ArgumentList.Add(Path.Combine(_directory, "kubectl-cache"));
        if (token is not null)
        {
            foreach (var arg in new[] { "--server", Emulator.SecureAddress!.ToString().TrimEnd('/'), "--insecure-skip-tls-verify=true", "--token", token })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KUBECONFIG"] = Emulator.KubeconfigPath;
        start.Environment["HOME"] = _directory;
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish in 90 s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
