using System.IO.Compression;
using System.Text.Json;

namespace Velero.BackupFormat.Files;

/// <summary>The <c>*.json.gz</c> and <c>*-results.gz</c> files beside a backup: gzip over one JSON document.</summary>
public static class GzipJson
{
    public static async Task WriteAsync<T>(Stream output, T value, JsonSerializerOptions options, CancellationToken cancellationToken = default)
    {
        await using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        await JsonSerializer.SerializeAsync(gzip, value, options, cancellationToken);
    }

    public static async Task<byte[]> ToBytesAsync<T>(T value, JsonSerializerOptions options, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, value, options, cancellationToken);
        return buffer.ToArray();
    }

    public static async Task<T?> ReadAsync<T>(Stream input, JsonSerializerOptions options, CancellationToken cancellationToken = default)
    {
        await using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        return await JsonSerializer.DeserializeAsync<T>(gzip, options, cancellationToken);
    }
}
