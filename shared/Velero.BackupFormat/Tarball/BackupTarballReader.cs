using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Velero.BackupFormat.Tarball;

/// <summary>
/// Reads a Velero resource tarball as a stream, one entry at a time, whoever wrote it (this product or
/// upstream Velero). A corrupt or truncated tarball ends with <see cref="CorruptBackupException"/> naming what
/// was read before the fault; entries already yielded were whole.
/// </summary>
public static class BackupTarballReader
{
    /// <summary>Item files are JSON objects; anything far larger is not a Kubernetes object.</summary>
    private const long MaxEntryBytes = 64L * 1024 * 1024;

    public static async IAsyncEnumerable<TarballEntry> ReadAsync(Stream compressed,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // .NET's GZipStream does not notice a stream cut short, so the gzip trailer (CRC-32 and length of
        // what was decompressed) is checked here: a truncated upload must never read as a smaller backup.
        var input = new GzipTrailerStream(compressed);
        await using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        var decompressed = new Crc32Stream(gzip);
        // System.Formats.Tar neither verifies header checksums nor keeps every ustar prefix: the headers are also read here.
        var headers = new TarHeaderStream(decompressed);
        await using var tar = new TarReader(headers, leaveOpen: true);
        var count = 0;
        string? last = null;
        while (true)
        {
            TarballEntry? next;
            try
            {
                next = await ReadNextAsync(tar, headers, cancellationToken);
                if (next is null)
                {
                    // Drain what follows the end-of-archive marker so the gzip trailer is read and checked.
                    await decompressed.CopyToAsync(Stream.Null, cancellationToken);
                    await input.CopyToAsync(Stream.Null, cancellationToken);
                    input.VerifyTrailer(decompressed.Crc32, decompressed.Length);
                }
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
            {
                var after = last is null ? "before the first entry" : $"after {count} entries (last: {last})";
                throw new CorruptBackupException($"backup tarball is corrupt or truncated {after}: {e.Message}", e);
            }

            if (next is null)
            {
                yield break;
            }

            count++;
            last = next.Path;
            yield return next;
        }
    }

    private static async Task<TarballEntry?> ReadNextAsync(TarReader tar, TarHeaderStream headers, CancellationToken cancellationToken)
    {
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var prefix = headers.TakePrefix();
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                continue;
            }

            if (entry.Length > MaxEntryBytes)
            {
                throw new InvalidDataException($"entry {entry.Name} is {entry.Length} bytes, more than an item can be");
            }

            var content = new byte[entry.Length];
            if (entry.DataStream is { } data)
            {
                await data.ReadExactlyAsync(content, cancellationToken);
            }

            var name = FullName(entry, prefix);
            name = name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;
            return new TarballEntry(name, ItemPath.TryParse(name), content);
        }

        return null;
    }

    /// <summary>
    /// The entry's path as Go's archive/tar reads it: a PAX <c>path</c> record, else the ustar prefix joined to the
    /// name. .NET joins the prefix for plain ustar entries but not for an entry after a PAX header without a path.
    /// </summary>
    private static string FullName(TarEntry entry, string prefix) =>
        prefix.Length > 0 && entry is PaxTarEntry pax && !pax.ExtendedAttributes.ContainsKey("path")
                          && !entry.Name.StartsWith(prefix + "/", StringComparison.Ordinal)
            ? $"{prefix}/{entry.Name}"
            : entry.Name;
}
