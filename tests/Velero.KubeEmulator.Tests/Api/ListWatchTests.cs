using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Api;

/// <summary>LIST paging and selectors, WATCH from a resourceVersion, bookmarks, timeouts and 410 Gone.</summary>
public sealed class ListWatchTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Api() => new(fixture.Emulator.BaseAddress);

    [Fact]
    public async Task Paging_returns_a_consistent_snapshot_with_remaining_counts()
    {
        using var api = Api();
        await api.PostAsync("/api/v1/namespaces", ApiClient.Namespace("paging"));
        for (var i = 0; i < 10; i++)
        {
            await api.PostAsync("/api/v1/namespaces/paging/configmaps", ApiClient.ConfigMap($"cm-{i:D2}", "paging"));
        }

        var first = (await api.GetAsync("/api/v1/namespaces/paging/configmaps?limit=4")).Body!;
        Assert.Equal(4, first["items"]!.AsArray().Count);
        Assert.Equal(7, (int)first["metadata"]!["remainingItemCount"]!);
        var revision = (string)first["metadata"]!["resourceVersion"]!;
        await api.PostAsync("/api/v1/namespaces/paging/configmaps", ApiClient.ConfigMap("cm-05a", "paging"));
        await api.DeleteAsync("/api/v1/namespaces/paging/configmaps/cm-09");

        var names = first["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).ToList();
        var token = (string?)first["metadata"]!["continue"];
        while (token is not null)
        {
            var page = (await api.GetAsync($"/api/v1/namespaces/paging/configmaps?limit=4&continue={Uri.EscapeDataString(token)}")).Body!;
            Assert.Equal(revision, (string)page["metadata"]!["resourceVersion"]!);
            names.AddRange(page["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!));
            token = (string?)page["metadata"]!["continue"];
        }

        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => $"cm-{i:D2}"), "kube-root-ca.crt"], names);
        var expired = Convert.ToBase64String("""{"v":"meta.k8s.io/v1","rv":2,"start":"4","snapshot":"compacted"}"""u8.ToArray());
        var old = await api.GetAsync($"/api/v1/namespaces/paging/configmaps?limit=4&continue={Uri.EscapeDataString(expired)}");
        Assert.Equal(410, old.Code);
        Assert.Equal("Expired", (string?)old.Body!["reason"]);
        Assert.Equal(400, (await api.GetAsync("/api/v1/namespaces/paging/configmaps?limit=4&continue=not-a-token")).Code);
    }

    [Fact]
    public async Task Label_and_field_selectors_filter_and_unknown_fields_are_refused()
    {
        using var api = Api();
        await api.PostAsync("/api/v1/namespaces", ApiClient.Namespace("select"));
        foreach (var (name, tier, phase) in new[] { ("p1", "web", "Running"), ("p2", "web", "Pending"), ("p3", "db", "Running") })
        {
            await api.PostAsync("/api/v1/namespaces/select/pods", $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","labels":{"tier":"{{{tier}}}"}},"spec":{"containers":[{"name":"c","image":"i"}]}}""");
            await api.PatchAsync($"/api/v1/namespaces/select/pods/{name}/status", $$$"""{"status":{"phase":"{{{phase}}}"}}""", "application/merge-patch+json");
        }

        async Task<string[]> Names(string query) =>
            [.. (await api.GetAsync("/api/v1/namespaces/select/pods?" + query)).Body!["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!)];

        Assert.Equal(["p1", "p2"], await Names("labelSelector=tier%3Dweb"));
        Assert.Equal(["p3"], await Names("labelSelector=tier+notin+(web)"));
        Assert.Equal(["p1", "p3"], await Names("fieldSelector=status.phase%3DRunning"));
        Assert.Equal(["p1"], await Names("fieldSelector=status.phase%3DRunning,metadata.name%3Dp1&labelSelector=tier"));
        Assert.Equal(["p2", "p3"], await Names("fieldSelector=metadata.name!%3Dp1"));
        var refused = await api.GetAsync("/api/v1/namespaces/select/configmaps?fieldSelector=data.k%3Dv");
        Assert.Equal(400, refused.Code);
        Assert.Equal("field label not supported: data.k", (string?)refused.Body!["message"]);
    }

    [Fact]
    public async Task Watch_sends_only_later_events_bookmarks_when_asked_and_ends_at_the_timeout()
    {
        using var api = Api();
        await api.PostAsync("/api/v1/namespaces", ApiClient.Namespace("watch"));
        var list = (await api.GetAsync("/api/v1/namespaces/watch/configmaps")).Body!;
        var revision = (string)list["metadata"]!["resourceVersion"]!;
        var started = DateTime.UtcNow;
        var watching = api.WatchAsync($"/api/v1/namespaces/watch/configmaps?watch=true&resourceVersion={revision}&timeoutSeconds=2");
        await Task.Delay(300);
        await api.PostAsync("/api/v1/namespaces/watch/configmaps", ApiClient.ConfigMap("w1", "watch"));
        await api.PatchAsync("/api/v1/namespaces/watch/configmaps/w1", """{"data":{"k":"changed"}}""", "application/merge-patch+json");
        await api.DeleteAsync("/api/v1/namespaces/watch/configmaps/w1");
        var events = await watching;

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
        Assert.Equal(["ADDED w1", "MODIFIED w1", "DELETED w1"], events.Select(e => $"{e["type"]} {e["object"]!["metadata"]!["name"]}"));

        var withBookmarks = await api.WatchAsync($"/api/v1/namespaces/watch/configmaps?watch=true&resourceVersion={revision}&timeoutSeconds=1&allowWatchBookmarks=true");
        Assert.Contains(withBookmarks, e => (string?)e["type"] == "BOOKMARK");
        var fromZero = await api.WatchAsync("/api/v1/namespaces/watch/configmaps?watch=true&timeoutSeconds=1");
        Assert.Equal(["ADDED kube-root-ca.crt"], fromZero.Select(e => $"{e["type"]} {e["object"]!["metadata"]!["name"]}"));
    }

    [Fact]
    public async Task Watch_from_a_compacted_revision_is_gone()
    {
        await using var small = await KubeEmulator.StartAsync(new EmulatorOptions { WatchHistory = 5 });
        using var api = new ApiClient(small.BaseAddress);
        var start = small.Store.Revision;
        for (var i = 0; i < 10; i++)
        {
            await api.PostAsync("/api/v1/namespaces/default/configmaps", ApiClient.ConfigMap($"c{i}", "default"));
        }

        var gone = await api.GetAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={start}&timeoutSeconds=1");
        Assert.Equal(410, gone.Code);
        Assert.Equal("Expired", (string?)gone.Body!["reason"]);
        Assert.StartsWith($"too old resource version: {start} (", (string?)gone.Body["message"]);
        var recent = await api.GetAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={small.Store.Revision - 2}&timeoutSeconds=1");
        Assert.Equal(200, recent.Code);
    }
}
