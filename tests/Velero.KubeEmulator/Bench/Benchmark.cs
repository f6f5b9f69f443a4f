using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Velero.KubeEmulator.Bench;

/// <summary>
/// `dotnet run -c Release --project tests/Velero.KubeEmulator -- bench [objects]`: CREATE from a parallel
/// client, paged and unpaged LIST, and memory with all objects stored. Loopback only, bounded in count.
/// </summary>
internal static class Benchmark
{
    private const int Workers = 16;

    public static async Task<int> RunAsync(TextWriter output, int objects = 100_000)
    {
        await using var emulator = await KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "bench", SecureListen = null });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Workers, AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        await http.PostAsync("/api/v1/namespaces", Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench"}}"""));

        var created = await CreateAsync(http, objects);
        output.WriteLine($"CREATE  {objects:N0} ConfigMaps, {Workers} parallel requests: {created.TotalSeconds:F1} s = {objects / created.TotalSeconds:N0} objects/s");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var workingSet = Process.GetCurrentProcess().WorkingSet64;
        output.WriteLine($"MEMORY  {emulator.Store.Count("/configmaps"):N0} objects stored: managed heap {heap / 1048576.0:N0} MiB, working set {workingSet / 1048576.0:N0} MiB (server and client in one process)");

        foreach (var limit in new[] { 500, 5000 })
        {
            var (count, elapsed) = await ListPagedAsync(http, limit);
            output.WriteLine($"LIST    paged limit={limit}: {count:N0} objects in {elapsed.TotalSeconds:F2} s = {count / elapsed.TotalSeconds:N0} objects/s");
        }

        var whole = Stopwatch.StartNew();
        using var all = JsonDocument.Parse(await http.GetByteArrayAsync("/api/v1/namespaces/bench/configmaps"));
        whole.Stop();
        var items = all.RootElement.GetProperty("items").GetArrayLength();
        output.WriteLine($"LIST    unpaged: {items:N0} objects in {whole.Elapsed.TotalSeconds:F2} s = {items / whole.Elapsed.TotalSeconds:N0} objects/s");
        return 0;
    }

    private static readonly System.Net.Http.Headers.MediaTypeHeaderValue JsonType = new("application/json");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<TimeSpan> CreateAsync(HttpClient http, int objects)
    {
        var next = -1;
        var timer = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < objects)
            {
                var body = $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-{{{i:D6}}}","labels":{"app":"bench","shard":"{{{i % 16}}}"}},"data":{"key":"value-{{{i}}}","config.yaml":"replicas: 3\nmode: fast\n"}}""";
                using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                content.Headers.ContentType = JsonType;
                using var response = await http.PostAsync("/api/v1/namespaces/bench/configmaps", content);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"create {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        return timer.Elapsed;
    }

    private static async Task<(int Count, TimeSpan Elapsed)> ListPagedAsync(HttpClient http, int limit)
    {
        var timer = Stopwatch.StartNew();
        var count = 0;
        string? token = null;
        do
        {
            var url = $"/api/v1/namespaces/bench/configmaps?limit={limit}" + (token is null ? "" : $"&continue={Uri.EscapeDataString(token)}");
            using var page = JsonDocument.Parse(await http.GetByteArrayAsync(url));
            count += page.RootElement.GetProperty("items").GetArrayLength();
            token = page.RootElement.GetProperty("metadata").TryGetProperty("continue", out var c) ? c.GetString() : null;
        }
        while (token is not null);
        return (count, timer.Elapsed);
    }
}
