using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Velero.BackupFormat.Layout;
using Velero.ObjectStorage.Locations;

namespace Velero.Restorer.Tests.Support;

/// <summary>The files a restore wrote under <c>restores/&lt;name&gt;/</c> (spec 1.3), read back and unzipped.</summary>
public sealed record RestoreFilesContents(string Log, JsonObject Results, JsonObject ResourceList)
{
    public static async Task<RestoreFilesContents> ReadAsync(ObjectStoreLocation location, string restore) =>
        new(await TextAsync(location, BackupLayout.RestoreLog(restore)),
            (JsonObject)JsonNode.Parse(await TextAsync(location, BackupLayout.RestoreResults(restore)))!,
            JsonNode.Parse(await TextAsync(location, BackupLayout.RestoreResourceList(restore))) as JsonObject ?? []);

    /// <summary>The resource list's entries, <c>&lt;apiVersion&gt;/&lt;Kind&gt;</c> to <c>ns/name(action)</c>.</summary>
    public IReadOnlyList<string> Entries(string apiVersionKind) =>
        (ResourceList[apiVersionKind] as JsonArray ?? []).Select(v => (string)v!).ToList();

    /// <summary>The messages of the results' <c>errors</c> or <c>warnings</c> under one namespace (<c>""</c>: cluster, null: velero).</summary>
    public IReadOnlyList<string> Messages(string kind, string? @namespace)
    {
        var result = Results[kind];
        var messages = @namespace switch
        {
            null => result?["velero"],
            "" => result?["cluster"],
            _ => result?["namespaces"]?[@namespace],
        };
        return (messages as JsonArray ?? []).Select(v => (string)v!).ToList();
    }

    private static async Task<string> TextAsync(ObjectStoreLocation location, string key)
    {
        await using var stream = await location.GetAsync(key);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
