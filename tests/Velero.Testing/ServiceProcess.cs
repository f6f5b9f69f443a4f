using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Velero.Testing;

/// <summary>
/// A service host run as its own process, as it runs in production: <c>dotnet Velero.Scheduler.dll</c> from the test's
/// output folder. Output is kept for assertions and failure messages; stopping sends SIGTERM, as Kubernetes does.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private const int Sigterm = 15;
    private const int Sigkill = 9;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private ServiceProcess(Process process, int? port)
    {
        _process = process;
        Port = port;
    }

    public int? Port { get; }

    public int Id => _process.Id;

    public string Output => string.Join('\n', _output);

    public IReadOnlyList<string> ErrorLines => [.. _errors];

    /// <param name="assembly">The host's assembly file name in the test output folder, e.g. <c>Velero.Scheduler.dll</c>.</param>
    public static ServiceProcess Start(string assembly, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Launch(assembly, environment, args, FreePort.Next());

    /// <summary>A command that is not a server (<c>velero version</c>): no listen address is added.</summary>
    public static ServiceProcess Run(string assembly, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Launch(assembly, environment, args, port: null);

    private static ServiceProcess Launch(string assembly, IReadOnlyDictionary<string, string?> environment, string[] args, int? port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (port is not null)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { service._output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { service._errors.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until <c>/readyz</c> answers 200; fails with the process's output if it exits or times out.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"process exited with {_process.ExitCode} before it was ready:\n{Output}\n{string.Join('\n', _errors)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/readyz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"not ready within {timeout}:\n{Output}\n{string.Join('\n', _errors)}");
    }

    /// <summary>The exit code, once the process has ended by itself within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, then the exit code (a graceful stop is 0).</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, Sigterm);
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>SIGKILL: the process dies at once, as on a node failure or an OOM kill, without any cleanup.</summary>
    public async Task KillAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, Sigkill);
        }

        await WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(20));
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
