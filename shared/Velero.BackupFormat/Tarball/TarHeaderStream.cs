using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Velero.BackupFormat.Tarball;

/// <summary>
/// Reads through a tar stream and looks at each header as it passes, for what System.Formats.Tar does not do as Go's
/// archive/tar (and so upstream Velero) does: it checks each header's checksum, so a damaged header inside an intact
/// gzip member is not read as an item at the wrong path, and it notes each entry's ustar prefix, which .NET drops when
/// a PAX header without a <c>path</c> record precedes the entry. It follows the tar's structure only as far as needed
/// to find the headers: each header's size (octal or base-256), a PAX <c>size</c> record for the next entry,
/// header-only types, and the end-of-archive zero block. A GNU sparse entry, whose layout it does not follow, ends
/// the checks.
/// </summary>
internal sealed class TarHeaderStream(Stream inner) : Stream
{
    private const int Block = 512;
    private const int MaxPaxBytes = 1024 * 1024;

    private readonly byte[] _header = new byte[Block];
    private int _headerFill;
    private long _skip;
    private long _offset;
    private bool _done;
    private MemoryStream? _pax;
    private long _paxRemaining;
    private long? _nextSize;
    private readonly Queue<string> _prefixes = new();

    /// <summary>
    /// The ustar prefix of the next entry System.Formats.Tar returns (empty when there is none), in the order headers
    /// were read; PAX and GNU long-name headers, which .NET folds into the entry after them, have none of their own.
    /// </summary>
    public string TakePrefix() => _prefixes.TryDequeue(out var prefix) ? prefix : "";

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _offset;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Inspect(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Inspect(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Inspect(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0 && !_done)
        {
            if (_skip > 0)
            {
                var skipped = (int)Math.Min(_skip, data.Length);
                CollectPax(data[..skipped]);
                _skip -= skipped;
                _offset += skipped;
                data = data[skipped..];
                continue;
            }

            var take = Math.Min(Block - _headerFill, data.Length);
            data[..take].CopyTo(_header.AsSpan(_headerFill));
            _headerFill += take;
            _offset += take;
            data = data[take..];
            if (_headerFill == Block)
            {
                _headerFill = 0;
                Check(_offset - Block);
            }
        }
    }

    private void Check(long at)
    {
        if (_header.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            // End of archive; what follows is padding.
            _done = true;
            return;
        }

        var stored = Octal(_header.AsSpan(148, 8));
        long unsignedSum = 0, signedSum = 0;
        for (var i = 0; i < Block; i++)
        {
            var b = i is >= 148 and < 156 ? (byte)' ' : _header[i];
            unsignedSum += b;
            signedSum += (sbyte)b;
        }

        // Some old writers summed signed bytes; readers accept either, as Go's does.
        if (stored is null || (stored != unsignedSum && stored != signedSum))
        {
            throw new InvalidDataException($"the tar header at offset {at} has a bad checksum");
        }

        var type = (char)_header[156];
        if (type == 'S')
        {
            _done = true;
            return;
        }

        if (type is not ('x' or 'L' or 'K'))
        {
            _prefixes.Enqueue(_header.AsSpan(257, 8).SequenceEqual("ustar\000"u8) ? Text(_header.AsSpan(345, 155)) : "");
        }

        var size = Size(_header.AsSpan(124, 12)) ?? throw new InvalidDataException($"the tar header at offset {at} has an unreadable size");
        if (type is not ('x' or 'g'))
        {
            size = _nextSize ?? size;
            _nextSize = null;
        }

        // Links, devices, directories and FIFOs carry no data whatever their size field says.
        if (type is '1' or '2' or '3' or '4' or '5' or '6')
        {
            size = 0;
        }

        _skip = (size + Block - 1) / Block * Block;
        if (type == 'x')
        {
            if (size > MaxPaxBytes)
            {
                _done = true;
                return;
            }

            _pax = new MemoryStream();
            _paxRemaining = size;
        }
    }

    private void CollectPax(ReadOnlySpan<byte> data)
    {
        if (_pax is null)
        {
            return;
        }

        var part = (int)Math.Min(_paxRemaining, data.Length);
        _pax.Write(data[..part]);
        _paxRemaining -= part;
        if (_paxRemaining == 0)
        {
            _nextSize = PaxSize(Encoding.UTF8.GetString(_pax.GetBuffer(), 0, (int)_pax.Length));
            _pax.Dispose();
            _pax = null;
        }
    }

    /// <summary>The <c>size</c> record of PAX extended attributes ("<c>length key=value\n</c>" records), if any.</summary>
    private static long? PaxSize(string records)
    {
        foreach (var record in records.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = record.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && record.AsSpan(space + 1).StartsWith("size=", StringComparison.Ordinal)
                && long.TryParse(record.AsSpan(space + 1 + "size=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return size;
            }
        }

        return null;
    }

    private static long? Size(ReadOnlySpan<byte> field)
    {
        if ((field[0] & 0x80) == 0)
        {
            return Octal(field);
        }

        // GNU base-256: big-endian binary after the marker bit; sizes beyond 63 bits are not a backup's.
        return field[1..4].IndexOfAnyExcept((byte)0) >= 0 || (field[0] & 0x7f) != 0
            ? null
            : BinaryPrimitives.ReadInt64BigEndian(field[4..]) is >= 0 and var size ? size : null;
    }

    private static string Text(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    private static long? Octal(ReadOnlySpan<byte> field)
    {
        var text = Encoding.ASCII.GetString(field).Trim(' ', '\0');
        if (text.Length == 0)
        {
            return 0;
        }

        long value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '7')
            {
                return null;
            }

            value = value * 8 + (c - '0');
        }

        return value;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
