using System.Diagnostics;
using Velero.Testing;

namespace Velero.Benchmarks;

/// <summary>
/// The API-server emulator in a process of its own, so the benchmark's figures (CPU, peak memory) are the
/// collector's and not the server's. Stopped with the process it was started by.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, string kubeconfig)
    {
        _process = process;
        Kubeconfig = kubeconfig;
    }

    public string Kubeconfig { get; }

    public const string Context = "bench";

    public static async Task<EmulatorProcess> StartAsync()
    {
        var dll = Path.Combine(RepositoryPaths.Root, "tests", "Velero.KubeEmulator", "bin", "Release", "net10.0", "Velero.KubeEmulator.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build it with `dotnet build tests/Velero.KubeEmulator -c Release`");
        }

        var kubeconfig = Path.Combine(Path.GetTempPath(), $"velero-bench-{Guid.NewGuid():N}.kubeconfig");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--listen", "127.0.0.1:0", "--kubeconfig", kubeconfig, "--context", Context })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("listening on", StringComparison.Ordinal))
            {
                // Keep draining its output so it never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return new EmulatorProcess(process, kubeconfig);
            }
        }

        throw new InvalidOperationException($"the emulator exited before it was ready: {await process.StandardError.ReadToEndAsync()}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        File.Delete(Kubeconfig);
    }
}
