using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Velero.ObjectStorage.Locations;

namespace Velero.Snapshotter.Tests.Support;

/// <summary>
/// What a backup left in a location, read back with plain gzip and tar (not the collector's own code): the tarball's
/// entries by path, and the files beside it.
/// </summary>
public sealed class BackupContents
{
    public required IReadOnlyList<string> Keys { get; init; }

    public required IReadOnlyDictionary<string, byte[]> Entries { get; init; }

    public required JsonObject Metadata { get; init; }

    public required JsonNode? Results { get; init; }

    public required JsonObject ResourceList { get; init; }

    public required string Log { get; init; }

    /// <summary>Item entries at the default (unversioned) path: <c>resources/&lt;gr&gt;/namespaces/&lt;ns&gt;/&lt;name&gt;.json</c> or <c>.../cluster/&lt;name&gt;.json</c>.</summary>
    public IReadOnlySet<string> DefaultItemPaths => Entries.Keys
        .Where(p => p.StartsWith("resources/", StringComparison.Ordinal))
        .Where(p => p.Split('/') is [_, _, "namespaces", _, _] or [_, _, "cluster", _])
        .ToHashSet(StringComparer.Ordinal);

    public static async Task<BackupContents> ReadAsync(ObjectStoreLocation location, string backup)
    {
        var keys = new List<string>();
        await foreach (var key in location.ListKeysAsync($"backups/{backup}/"))
        {
            keys.Add(key);
        }

        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using (var tarball = await location.GetAsync($"backups/{backup}/{backup}.tar.gz"))
        await using (var gzip = new GZipStream(tarball, CompressionMode.Decompress))
        await using (var tar = new TarReader(gzip))
        {
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                Assert.Equal(TarEntryType.RegularFile, entry.EntryType is TarEntryType.V7RegularFile ? TarEntryType.RegularFile : entry.EntryType);
                using var content = new MemoryStream();
                if (entry.DataStream is { } data)
                {
                    await data.CopyToAsync(content);
                }

                Assert.True(entries.TryAdd(entry.Name, content.ToArray()), $"duplicate tar entry {entry.Name}");
            }
        }

        await using var metadata = await location.GetAsync($"backups/{backup}/velero-backup.json");
        return new BackupContents
        {
            Keys = keys,
            Entries = entries,
            Metadata = (JsonObject)(await JsonNode.ParseAsync(metadata))!,
            Results = await GzipJsonAsync(location, $"backups/{backup}/{backup}-results.gz"),
            ResourceList = (JsonObject)(await GzipJsonAsync(location, $"backups/{backup}/{backup}-resource-list.json.gz"))!,
            Log = await GzipTextAsync(location, $"backups/{backup}/{backup}-logs.gz"),
        };
    }

    public static async Task<JsonNode?> GzipJsonAsync(ObjectStoreLocation location, string key) =>
        JsonNode.Parse(await GzipTextAsync(location, key));

    public static async Task<string> GzipTextAsync(ObjectStoreLocation location, string key)
    {
        await using var stream = await location.GetAsync(key);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }
}
