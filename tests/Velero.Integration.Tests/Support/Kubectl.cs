using System.Diagnostics;

namespace Velero.Integration.Tests.Support;

/// <summary>The real kubectl, run against an emulated cluster as a user would run it.</summary>
internal static class Kubectl
{
    /// <summary><c>kubectl apply -n &lt;ns&gt; -f &lt;manifest&gt;</c>; fails the test with kubectl's own message.</summary>
    public static async Task ApplyAsync(string kubeconfig, string context, string ns, string manifest)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--kubeconfig", kubeconfig, "--context", context, "apply", "-n", ns, "-f", manifest })
        {
            start.ArgumentList.Add(arg);
        }

        using var kubectl = Process.Start(start)!;
        var errors = kubectl.StandardError.ReadToEndAsync();
        await kubectl.StandardOutput.ReadToEndAsync();
        await kubectl.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(kubectl.ExitCode == 0, $"kubectl apply failed: {await errors}");
    }

    /// <summary><c>kubectl &lt;args&gt;</c> against one context; fails the test with kubectl's own message.</summary>
    public static async Task<string> RunAsync(string kubeconfig, string context, params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--kubeconfig", kubeconfig, "--context", context }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var kubectl = Process.Start(start)!;
        var errors = kubectl.StandardError.ReadToEndAsync();
        var output = await kubectl.StandardOutput.ReadToEndAsync();
        await kubectl.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(kubectl.ExitCode == 0, $"kubectl {string.Join(' ', args)} failed: {await errors}");
        return output;
    }
}
