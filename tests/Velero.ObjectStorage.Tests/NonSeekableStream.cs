namespace Velero.ObjectStorage.Tests;

/// <summary>
/// A forward-only stream of deterministic pseudo-random bytes with no Length, as a tar.gz being produced is; can
/// fail after a number of bytes to test half-written uploads.
/// </summary>
internal sealed class NonSeekableStream(long length, int seed = 42, long failAfter = -1) : Stream
{
    private readonly Random _random = new(seed);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (failAfter >= 0 && _position >= failAfter)
        {
            throw new IOException("producer failed");
        }

        // Odd chunk sizes, as a compressor's output would come.
        var n = (int)Math.Min(Math.Min(buffer.Length, 100_003), length - _position);
        _random.NextBytes(buffer[..n]);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
