using System.Buffers.Binary;

namespace Velero.BackupFormat.Tarball;

/// <summary>
/// Reads through the compressed stream, keeping its last 8 bytes: a complete gzip member ends with the CRC-32 and
/// the length (mod 2^32) of its uncompressed content, which <see cref="VerifyTrailer"/> compares.
/// </summary>
internal sealed class GzipTrailerStream(Stream inner) : Stream
{
    private readonly byte[] _tail = new byte[8];
    private int _tailLength;
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public void VerifyTrailer(uint crc32, long length)
    {
        if (_tailLength < 8)
        {
            throw new InvalidDataException("the gzip stream ends before its trailer");
        }

        var expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(0, 4));
        var expectedSize = BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4, 4));
        if (expectedCrc != crc32 || expectedSize != (uint)length)
        {
            throw new InvalidDataException("the gzip checksum does not match its content (the file is truncated or damaged)");
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Keep(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Keep(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Keep(ReadOnlySpan<byte> data)
    {
        _read += data.Length;
        if (data.Length >= 8)
        {
            data[^8..].CopyTo(_tail);
            _tailLength = 8;
            return;
        }

        // Shift the kept bytes left and append the new ones.
        var keep = Math.Min(_tailLength, 8 - data.Length);
        _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
        data.CopyTo(_tail.AsSpan(keep));
        _tailLength = keep + data.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
