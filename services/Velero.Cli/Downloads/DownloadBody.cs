using System.IO.Compression;

namespace Velero.Cli.Downloads;

/// <summary>
/// The body of a download as it arrives, gunzipped when the target is gzip: reads past the download's deadline fail
/// with upstream's deadline error, and disposing releases the response and its client (<paramref name="owners"/>, in order).
/// </summary>
internal sealed class DownloadBody(Stream content, bool gunzip, IReadOnlyList<IDisposable> owners, CancellationTokenSource deadline) : Stream
{
    private readonly Stream _inner = gunzip ? new GZipStream(content, CompressionMode.Decompress) : content;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await _inner.ReadAsync(buffer, linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DownloadFailedException("context deadline exceeded");
        }
        catch (InvalidDataException e)
        {
            // Go's gzip reader says so for a body that is not gzip at all.
            throw new DownloadFailedException("gzip: invalid header", inner: e);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            foreach (var owner in owners)
            {
                owner.Dispose();
            }

            deadline.Dispose();
        }

        base.Dispose(disposing);
    }
}
