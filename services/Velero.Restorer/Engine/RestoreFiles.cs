using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Velero.BackupFormat.Files;
using Velero.BackupFormat.Layout;
using Velero.ObjectStorage.Locations;

namespace Velero.Restorer.Engine;

/// <summary>
/// The restore's files under <c>restores/&lt;name&gt;/</c> in the backup's location (spec 1.3), as upstream writes
/// them: the log, the results, the resource list of what was created, updated, skipped or failed, the item operations
/// and the volume info (no <c>restore-</c> prefix on that one, as upstream).
/// </summary>
internal static class RestoreFiles
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static async Task WriteAsync(ObjectStoreLocation location, string restore, RestoreLog log, RestoredItems restored,
        CancellationToken cancellationToken)
    {
        using (var buffer = new MemoryStream())
        {
            await using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                await gzip.WriteAsync(log.Text(), cancellationToken);
            }

            buffer.Position = 0;
            await location.PutAsync(BackupLayout.RestoreLog(restore), buffer, cancellationToken);
        }

        await PutJsonAsync(location, BackupLayout.RestoreResults(restore), log.Results(), cancellationToken);
        await PutJsonAsync(location, BackupLayout.RestoreResourceList(restore), restored.ToDocument(), cancellationToken);

        // No asynchronous item operations or volume restores happen here yet: upstream marshals the nil lists as null.
        await PutJsonAsync<object?>(location, BackupLayout.RestoreItemOperations(restore), null, cancellationToken);
        await PutJsonAsync<object?>(location, BackupLayout.RestoreVolumeInfo(restore), null, cancellationToken);
    }

    private static async Task PutJsonAsync<T>(ObjectStoreLocation location, string key, T value, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(await GzipJson.ToBytesAsync(value, Json, cancellationToken));
        await location.PutAsync(key, body, cancellationToken);
    }
}
