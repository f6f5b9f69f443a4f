using System.Formats.Tar;
using System.IO.Compression;

namespace Velero.BackupFormat.Tarball;

/// <summary>
/// Writes Velero's resource tarball (spec 2) as a stream: gzip over POSIX tar, regular files only, mode 0755,
/// <c>metadata/version</c> first. Nothing is buffered beyond the entry being written, so a backup of any size
/// flows straight into object storage. Not thread-safe: parallel collectors hand items to one writer.
/// </summary>
public sealed class BackupTarballWriter : IAsyncDisposable
{
    private const UnixFileMode EntryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly GZipStream _gzip;
    private readonly TarWriter _tar;
    private readonly TimeProvider _time;

    private BackupTarballWriter(Stream output, TimeProvider time, CompressionLevel level)
    {
        _gzip = new GZipStream(output, level, leaveOpen: true);
        _tar = new TarWriter(_gzip, TarEntryFormat.Pax, leaveOpen: true);
        _time = time;
    }

    /// <summary>Items written so far (each preferred-version copy counts once).</summary>
    public int ItemCount { get; private set; }

    public static async Task<BackupTarballWriter> CreateAsync(Stream output, TimeProvider time,
        CompressionLevel level = CompressionLevel.Fastest, CancellationToken cancellationToken = default)
    {
        var writer = new BackupTarballWriter(output, time, level);
        await writer.WriteEntryAsync(BackupFormatVersion.MetadataPath, System.Text.Encoding.UTF8.GetBytes(BackupFormatVersion.Current + "\n"),
            cancellationToken);
        return writer;
    }

    /// <summary>
    /// Writes one item at its default path and, when it was collected in its group's preferred version, again
    /// under <c>&lt;version&gt;-preferredversion</c>, as upstream does.
    /// </summary>
    public async Task WriteItemAsync(GroupResource resource, string? @namespace, string name, string? preferredVersion,
        ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        await WriteEntryAsync(new ItemPath(resource, null, @namespace, name).ToPath(), json, cancellationToken);
        if (preferredVersion is not null)
        {
            var copy = new ItemPath(resource, preferredVersion + ItemPath.PreferredVersionSuffix, @namespace, name);
            await WriteEntryAsync(copy.ToPath(), json, cancellationToken);
        }

        ItemCount++;
    }

    private async Task WriteEntryAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        // Ustar where the name fits, in its name field or split into prefix and name at a slash, as Go's archive/tar
        // chooses; PAX records carry the rest (an object name alone may be 253 characters).
        var format = FitsUstar(path) ? TarEntryFormat.Ustar : TarEntryFormat.Pax;
        TarEntry entry = format == TarEntryFormat.Ustar
            ? new UstarTarEntry(TarEntryType.RegularFile, path)
            : new PaxTarEntry(TarEntryType.RegularFile, path);
        entry.Mode = EntryMode;
        entry.ModificationTime = _time.GetUtcNow();
        using var data = new ReadOnlyMemoryStream(content);
        entry.DataStream = data;
        await _tar.WriteEntryAsync(entry, cancellationToken);
    }

    /// <summary>Go's <c>splitUSTARPath</c>: ASCII, and either at most 100 bytes or split at a slash into at most 155 and 100.</summary>
    private static bool FitsUstar(string path)
    {
        if (!System.Text.Ascii.IsValid(path))
        {
            return false;
        }

        if (path.Length <= 100)
        {
            return true;
        }

        var slash = path.LastIndexOf('/', Math.Min(155, path.Length - 1));
        return slash > 0 && path.Length - slash - 1 is > 0 and <= 100;
    }

    /// <summary>Ends the tar and the gzip stream; the output stream stays open for the caller to complete.</summary>
    public async ValueTask DisposeAsync()
    {
        await _tar.DisposeAsync();
        await _gzip.DisposeAsync();
    }
}
