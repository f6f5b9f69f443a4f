using System.Diagnostics;
using Velero.KubeEmulator.Faults;
using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Api;

/// <summary>Fault injection, the request log, independent instances, a stable cluster id, and the process mode.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task Faults_are_switchable_at_run_time_and_requests_are_counted_per_verb()
    {
        await using var emulator = await KubeEmulator.StartAsync(new EmulatorOptions());
        using var api = new ApiClient(emulator.BaseAddress);
        emulator.Faults.Add(new FaultRule(FaultKind.TooManyRequests, 1.0) { Verb = "list", RetryAfterSeconds = 2 });
        var throttled = await api.GetAsync("/api/v1/namespaces/default/configmaps");
        Assert.Equal(429, throttled.Code);
        Assert.Equal("2", throttled.Response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("TooManyRequests", (string?)throttled.Body!["reason"]);
        Assert.Equal(200, (await api.GetAsync("/api/v1/namespaces/default/configmaps/kube-root-ca.crt")).Code);

        emulator.Faults.Clear();
        emulator.Faults.Add(new FaultRule(FaultKind.InternalError, 1.0) { Verb = "create" });
        Assert.Equal(500, (await api.PostAsync("/api/v1/namespaces/default/configmaps", ApiClient.ConfigMap("f", "default"))).Code);
        Assert.Equal(404, (await api.GetAsync("/api/v1/namespaces/default/configmaps/f")).Code);

        emulator.Faults.Clear();
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection, 1.0) { Verb = "get" });
        await Assert.ThrowsAsync<HttpRequestException>(() => api.GetAsync("/api/v1/namespaces/default/configmaps/kube-root-ca.crt"));

        emulator.Faults.Clear();
        emulator.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var timer = Stopwatch.StartNew();
        Assert.Equal(200, (await api.GetAsync("/api/v1/namespaces/default/configmaps/kube-root-ca.crt")).Code);
        Assert.True(timer.Elapsed >= TimeSpan.FromMilliseconds(280));
        emulator.Faults.Latency = TimeSpan.Zero;

        Assert.Equal(1, emulator.Requests.Count("list"));
        Assert.Equal(1, emulator.Requests.Count("create"));
        Assert.True(emulator.Requests.Count("get") >= 3);
        Assert.Contains(emulator.Requests.Entries, r => r is { Verb: "list", Status: 429, Path: "/api/v1/namespaces/default/configmaps" });
    }

    [Fact]
    public async Task Two_instances_in_one_process_are_independent_and_cluster_ids_survive_restarts()
    {
        await using var a = await KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "dev-a" });
        await using var b = await KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "dev-b" });
        using var apiA = new ApiClient(a.BaseAddress);
        using var apiB = new ApiClient(b.BaseAddress);
        await apiA.PostAsync("/api/v1/namespaces/default/configmaps", ApiClient.ConfigMap("only-in-a", "default"));
        Assert.Equal(404, (await apiB.GetAsync("/api/v1/namespaces/default/configmaps/only-in-a")).Code);
        Assert.NotEqual(a.KubeSystemUid, b.KubeSystemUid);
        Assert.NotEqual(a.BaseAddress, b.BaseAddress);

        await using var again = await KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "dev-a" });
        Assert.Equal(a.KubeSystemUid, again.KubeSystemUid);
        using var apiAgain = new ApiClient(again.BaseAddress);
        Assert.Equal(a.KubeSystemUid, (string?)(await apiAgain.GetAsync("/api/v1/namespaces/kube-system")).Body!["metadata"]!["uid"]);
        await using var reseeded = await KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "dev-a", ClusterIdSeed = "other" });
        Assert.NotEqual(a.KubeSystemUid, reseeded.KubeSystemUid);
    }

    [Fact]
    public async Task Two_clusters_share_one_kubeconfig_with_a_context_each()
    {
        var dir = Directory.CreateTempSubdirectory("two-clusters-").FullName;
        var path = Path.Combine(dir, "kubeconfig");
        try
        {
            await using var a = await KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "dev-a", KubeconfigPath = path });
            await using var b = await KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "dev-b", KubeconfigPath = path });
            var kubectl = new Support.Kubectl(path, dir);
            Assert.Equal(["dev-a", "dev-b"], (await kubectl.RunAsync("config", "get-contexts", "-o", "name")).StdoutLines);
            var uidB = await kubectl.RunAsync("--context", "dev-b", "get", "namespace", "kube-system", "-o", "jsonpath={.metadata.uid}");
            Assert.Equal(b.KubeSystemUid, uidB.Stdout);
            Assert.Equal("dev-a", (await kubectl.RunAsync("config", "current-context")).Stdout.Trim());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Tokens_are_required_on_https_and_unknown_tokens_are_unauthorized()
    {
        await using var emulator = await KubeEmulator.StartAsync(new EmulatorOptions());
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var https = new HttpClient(handler) { BaseAddress = emulator.SecureAddress };
        Assert.Equal(401, (int)(await https.GetAsync("/api/v1/namespaces")).StatusCode);
        using var admin = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces");
        admin.Headers.Authorization = new("Bearer", emulator.AdminToken);
        Assert.Equal(200, (int)(await https.SendAsync(admin)).StatusCode);
        using var api = new ApiClient(emulator.BaseAddress, "not-a-token");
        var unauthorized = await api.GetAsync("/api/v1/namespaces");
        Assert.Equal(401, unauthorized.Code);
        Assert.Equal("Unauthorized", (string?)unauthorized.Body!["reason"]);
        Assert.Equal(200, (int)(await https.GetAsync("/version")).StatusCode);
    }

    [Fact]
    public async Task Runs_as_a_process_seeded_from_a_directory_and_stops_on_sigterm()
    {
        var dir = Directory.CreateTempSubdirectory("emulator-process-").FullName;
        var seed = Directory.CreateDirectory(Path.Combine(dir, "seed")).FullName;
        File.Copy(Path.Combine(Fixtures.Manifests, "velero-examples", "nginx-app", "base.yaml"), Path.Combine(seed, "app.yaml"));
        File.Copy(Path.Combine(Fixtures.Crds, "velero", "v1", "bases", "velero.io_backups.yaml"), Path.Combine(seed, "zz-crd.yaml"));
        File.WriteAllText(Path.Combine(seed, "backup.yaml"), "apiVersion: velero.io/v1\nkind: Backup\nmetadata: {name: b1, namespace: nginx-example}\nspec: {}\n");
        var kubeconfig = Path.Combine(dir, "kubeconfig");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Velero.KubeEmulator.dll"), "--listen", "127.0.0.1:0", "--kubeconfig", kubeconfig, "--context", "dev-a", "--seed", seed })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Matches(@"^Kubernetes API emulator listening on http://127\.0\.0\.1:\d+ \(context dev-a, kubeconfig .+\)$", line);
            var kubectl = new Support.Kubectl(kubeconfig, dir);
            var backups = await kubectl.RunAsync("get", "backups", "-n", "nginx-example", "-o", "name");
            Assert.Equal("backup.velero.io/b1\n", backups.Stdout);
            Assert.Contains("current-context: \"dev-a\"", File.ReadAllText(kubeconfig));
        }
        finally
        {
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Directory.Delete(dir, recursive: true);
        }

        Assert.Equal(0, process.ExitCode);
    }
}
