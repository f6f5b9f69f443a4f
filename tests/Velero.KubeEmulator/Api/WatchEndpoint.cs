using System.Globalization;
using System.Text;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Resources;
using Velero.KubeEmulator.Selectors;
using Velero.KubeEmulator.Storage;

namespace Velero.KubeEmulator.Api;

/// <summary>
/// WATCH as kube-apiserver streams it: one JSON event per line, only events after the requested
/// resourceVersion (all current objects as ADDED when none is given), BOOKMARKs only when asked, the end at
/// timeoutSeconds, 410 Gone for a revision older than the kept history.
/// </summary>
internal sealed class WatchEndpoint(Cluster cluster)
{
    private static readonly TimeSpan BookmarkInterval = TimeSpan.FromSeconds(5);

    public async Task WatchAsync(HttpContext context, RequestInfo info)
    {
        var query = context.Request.Query;
        var type = info.Type;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], type);
        var ns = type.Namespaced ? info.Namespace : "";
        var bookmarks = query["allowWatchBookmarks"] == "true";
        var timeout = int.TryParse(query["timeoutSeconds"], out var t) && t > 0 ? TimeSpan.FromSeconds(t) : TimeSpan.FromMinutes(30);
        if (info.Name.Length > 0)
        {
            fields = FieldSelector.Parse($"metadata.name={info.Name}", type);
        }

        bool Matches(StoredObject? o) => o is not null && (ns.Length == 0 || o.Namespace == ns) && labels.Matches(o.Labels) && fields.Matches(o);

        var requested = query["resourceVersion"].ToString();
        var initial = new List<StoredObject>();
        long from;
        if (requested.Length == 0 || requested == "0")
        {
            var (items, revision) = cluster.Store.List(type.StorageKey, ns.Length > 0 ? ns : null);
            initial.AddRange(items.Where(Matches));
            from = revision;
        }
        else if (!long.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out from))
        {
            throw ApiException.BadRequest($"invalid resource version: {requested}");
        }

        var watch = cluster.Store.Watch(type.StorageKey, from)
            ?? throw ApiException.Gone($"too old resource version: {from} ({cluster.Store.OldestRevision})");
        using var subscription = watch.Subscription;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(timeout);
        var lastRevision = from;
        try
        {
            foreach (var item in initial)
            {
                await SendAsync(context, "ADDED", type, item, deadline.Token);
            }

            foreach (var e in watch.Backlog)
            {
                lastRevision = await SendChangeAsync(context, type, e, Matches, deadline.Token) ?? lastRevision;
            }

            if (bookmarks)
            {
                await SendBookmarkAsync(context, type, Math.Max(lastRevision, from), deadline.Token);
            }

            var reader = subscription.Events;
            while (!deadline.IsCancellationRequested)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                tick.CancelAfter(BookmarkInterval);
                try
                {
                    var e = await reader.ReadAsync(tick.Token);
                    lastRevision = await SendChangeAsync(context, type, e, Matches, deadline.Token) ?? lastRevision;
                }
                catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
                {
                    if (bookmarks)
                    {
                        await SendBookmarkAsync(context, type, Math.Max(lastRevision, cluster.Store.Revision), deadline.Token);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds reached or the client went away: the stream simply ends.
        }
    }

    private static async Task<long?> SendChangeAsync(HttpContext context, ResourceType type, WatchEvent e,
        Func<StoredObject?, bool> matches, CancellationToken ct)
    {
        var now = matches(e.Current);
        var before = matches(e.Previous);
        var kind = e.Type switch
        {
            "ADDED" when now => "ADDED",
            "MODIFIED" when now && before => "MODIFIED",
            "MODIFIED" when now => "ADDED",
            "MODIFIED" when before => "DELETED",
            "DELETED" when before => "DELETED",
            _ => null,
        };
        if (kind is not null)
        {
            await SendAsync(context, kind, type, e.Current, ct);
        }

        return e.Current.ResourceVersion;
    }

    private static async Task SendAsync(HttpContext context, string kind, ResourceType type, StoredObject obj, CancellationToken ct)
    {
        var json = obj.ApiVersion == type.ApiVersion ? obj.Json : Json.Meta.Serialize(ObjectWriter.View(type, obj));
        var body = context.Response.Body;
        await body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"type\":\"{kind}\",\"object\":"), ct);
        await body.WriteAsync(json, ct);
        await body.WriteAsync("}\n"u8.ToArray(), ct);
        await body.FlushAsync(ct);
    }

    private static async Task SendBookmarkAsync(HttpContext context, ResourceType type, long revision, CancellationToken ct)
    {
        var line = $"{{\"type\":\"BOOKMARK\",\"object\":{{\"kind\":\"{type.Kind}\",\"apiVersion\":\"{type.ApiVersion}\",\"metadata\":{{\"resourceVersion\":\"{revision}\",\"creationTimestamp\":null}}}}}}\n";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), ct);
        await context.Response.Body.FlushAsync(ct);
    }
}
