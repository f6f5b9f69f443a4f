using System.Buffers;
using System.Runtime.ExceptionServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Velero.ObjectStorage.Aws;

/// <summary>
/// Uploads a stream of unknown length with bounded memory: one PutObject when it fits in a part, else a multipart
/// upload with a few parts in flight (what the Go SDK's upload manager does for upstream). Bodies are sent from
/// seekable in-memory parts with <c>UseChunkEncoding = false</c>: a plain signed body, which every S3-compatible
/// server in local-infrastructure §4 accepts and which the SDK can resend on retry.
/// </summary>
internal sealed class S3Uploader(IAmazonS3 client, string bucket, S3RequestDecorator decorator, S3TransferOptions options)
{
    // Private pool: part buffers are large and few; the shared pool would keep them (or not) by its own rules.
    private static readonly ArrayPool<byte> Buffers = ArrayPool<byte>.Create(1024 * 1024 * 1024, 16);

    public async Task UploadAsync(string key, Stream body, CancellationToken cancellationToken)
    {
        var first = await ReadPartAsync(body, options.PartSizeFor(1), cancellationToken);
        if (first.Length < options.PartSizeFor(1))
        {
            using (first)
            {
                var request = new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    InputStream = first.AsStream(),
                    UseChunkEncoding = false,
                };
                decorator.Apply(request, first.Bytes);
                await client.PutObjectAsync(request, cancellationToken);
                return;
            }
        }

        await UploadMultipartAsync(key, body, first, cancellationToken);
    }

    private async Task UploadMultipartAsync(string key, Stream body, Part first, CancellationToken cancellationToken)
    {
        string uploadId;
        try
        {
            var initiate = new InitiateMultipartUploadRequest { BucketName = bucket, Key = key };
            decorator.Apply(initiate);
            uploadId = (await client.InitiateMultipartUploadAsync(initiate, cancellationToken)).UploadId;
        }
        catch
        {
            first.Dispose();
            throw;
        }

        var parts = new List<PartETag>();
        var inFlight = new List<Task>();
        using var slots = new SemaphoreSlim(options.MaxConcurrentParts);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Part? next = first;
        try
        {
            for (var number = 1; next is not null; number++)
            {
                await slots.WaitAsync(failed.Token);
                var part = next;
                next = null;
                inFlight.Add(UploadPartAsync(key, uploadId, number, part, parts, slots, failed));
                if (part.Length < options.PartSizeFor(number))
                {
                    break;
                }

                next = await ReadPartAsync(body, options.PartSizeFor(number + 1), failed.Token);
                if (next.Length == 0)
                {
                    next.Dispose();
                    next = null;
                }
                else if (number + 1 > S3TransferOptions.MaxParts)
                {
                    throw new ObjectStorageException(
                        ObjectStorageErrorKind.Other, $"object is larger than {S3TransferOptions.MaxParts} parts allow");
                }
            }

            await Task.WhenAll(inFlight);
            parts.Sort((a, b) => a.PartNumber.GetValueOrDefault().CompareTo(b.PartNumber.GetValueOrDefault()));
            // The response's ETag is not used: Ceph RGW returns it empty (local-infrastructure §4).
            await client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartETags = parts },
                cancellationToken);
        }
        catch (Exception e)
        {
            next?.Dispose();
            await failed.CancelAsync();
            await Task.WhenAll(inFlight).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            await AbortAsync(key, uploadId);

            // A part's failure cancels the loop; report the part's error, not the cancellation it caused.
            var partError = inFlight.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException;
            if (e is OperationCanceledException && partError is not null && !cancellationToken.IsCancellationRequested)
            {
                ExceptionDispatchInfo.Throw(partError);
            }

            throw;
        }
    }

    private async Task UploadPartAsync(
        string key, string uploadId, int number, Part part, List<PartETag> parts, SemaphoreSlim slots, CancellationTokenSource failed)
    {
        try
        {
            var request = new UploadPartRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = number,
                InputStream = part.AsStream(),
                PartSize = part.Length,
                UseChunkEncoding = false,
            };
            decorator.Apply(request, part.Bytes);
            var response = await client.UploadPartAsync(request, failed.Token);
            lock (parts)
            {
                parts.Add(new PartETag(response));
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            part.Dispose();
            slots.Release();
        }
    }

    // Best effort with its own token: the caller's may be the reason we are here, and orphaned parts cost money.
    private async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, timeout.Token);
        }
        catch (Exception e) when (e is AmazonS3Exception or HttpRequestException or OperationCanceledException or IOException)
        {
            // The original failure is what the caller needs to see; a bucket lifecycle rule cleans up the rest.
        }
    }

    private static async Task<Part> ReadPartAsync(Stream body, int size, CancellationToken cancellationToken)
    {
        var buffer = Buffers.Rent(size);
        try
        {
            var read = await body.ReadAtLeastAsync(buffer.AsMemory(0, size), size, throwOnEndOfStream: false, cancellationToken);
            return new Part(buffer, read);
        }
        catch (Exception e)
        {
            Buffers.Return(buffer);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new BodyReadException(e);
        }
    }

    private sealed class Part(byte[] buffer, int length) : IDisposable
    {
        private byte[]? _buffer = buffer;

        public int Length { get; } = length;

        public ArraySegment<byte> Bytes => new(_buffer ?? throw new ObjectDisposedException(nameof(Part)), 0, Length);

        public MemoryStream AsStream() =>
            new(_buffer ?? throw new ObjectDisposedException(nameof(Part)), 0, Length, writable: false);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _buffer, null) is { } returned)
            {
                Buffers.Return(returned);
            }
        }
    }
}
