using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Resources;
using Velero.KubeEmulator.Selectors;
using Velero.KubeEmulator.Storage;

namespace Velero.KubeEmulator.Api;

/// <summary>LIST with label and field selectors and limit/continue paging over a consistent snapshot.</summary>
internal sealed class ListEndpoint(Cluster cluster, ListSnapshots snapshots)
{
    public async Task ListAsync(HttpContext context, RequestInfo info)
    {
        var query = context.Request.Query;
        var type = info.Type;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], type);
        var limit = int.TryParse(query["limit"], out var l) && l > 0 ? l : 0;
        var token = query["continue"].ToString();

        StoredObject[] items;
        long revision;
        var offset = 0;
        if (token.Length > 0)
        {
            var (id, start) = DecodeToken(token);
            var kept = snapshots.Find(id) ?? throw ApiException.Gone(
                "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
            (items, revision) = kept;
            offset = start;
        }
        else
        {
            var (all, rev) = cluster.Store.List(type.StorageKey, type.Namespaced && info.Namespace.Length > 0 ? info.Namespace : null);
            revision = rev;
            items = labels.IsEmpty && fields.IsEmpty ? all : [.. all.Where(o => labels.Matches(o.Labels) && fields.Matches(o))];
        }

        var count = limit > 0 ? Math.Min(limit, items.Length - offset) : items.Length - offset;
        string? next = null;
        if (offset + count < items.Length)
        {
            var id = token.Length > 0 ? DecodeToken(token).Id : snapshots.Keep(items, revision);
            next = EncodeToken(id, offset + count, revision);
        }

        await WriteListAsync(context, type, items.AsMemory(offset, count), revision, next,
            next is null ? null : items.Length - offset - count);
    }

    private static async Task WriteListAsync(HttpContext context, ResourceType type, ReadOnlyMemory<StoredObject> items,
        long revision, string? next, int? remaining)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var body = context.Response.Body;
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (next is not null)
        {
            metadata["continue"] = next;
            metadata["remainingItemCount"] = remaining;
        }

        var head = $"{{\"kind\":\"{type.ListKind}\",\"apiVersion\":\"{type.ApiVersion}\",\"metadata\":{metadata.ToJsonString()},\"items\":[";
        await body.WriteAsync(Encoding.UTF8.GetBytes(head));
        var buffer = new MemoryStream();
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)',');
            }

            var item = items.Span[i];
            buffer.Write(item.ApiVersion == type.ApiVersion ? item.Json : Json.Meta.Serialize(ObjectWriter.View(type, item)));
            if (buffer.Length > 64 * 1024)
            {
                await body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
                buffer.SetLength(0);
            }
        }

        buffer.Write("]}"u8);
        await body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static string EncodeToken(string id, int start, long revision) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["v"] = "meta.k8s.io/v1",
            ["rv"] = revision,
            ["start"] = start.ToString(CultureInfo.InvariantCulture),
            ["snapshot"] = id,
        }));

    private static (string Id, int Start) DecodeToken(string token)
    {
        try
        {
            var node = JsonNode.Parse(Convert.FromBase64String(token));
            return (Json.Meta.Str(node, "snapshot") ?? "", int.Parse(Json.Meta.Str(node, "start") ?? "0", CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw ApiException.BadRequest("continue key is not valid: illegal base64 data");
        }
    }
}
