using System.IO.Pipelines;
using System.Threading.Channels;
using Velero.BackupFormat.Tarball;
using Velero.ObjectStorage.Locations;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// The resource tarball streamed to object storage while it is written: items arrive on a bounded channel, one task
/// writes them into the gzip+tar writer, whose output is one end of a pipe; the other end is the body of the upload
/// running at the same time. Memory stays bounded by the channel and the pipe's thresholds, whatever the backup's size.
/// </summary>
internal sealed class TarballUpload : IDisposable
{
    private const int ChannelCapacity = 256;

    private readonly Channel<TarballItem> _items = Channel.CreateBounded<TarballItem>(
        new BoundedChannelOptions(ChannelCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Pipe _pipe = new(new PipeOptions(
        pauseWriterThreshold: 4 * 1024 * 1024, resumeWriterThreshold: 2 * 1024 * 1024, useSynchronizationContext: false));

    private readonly CountingStream _output;

    private TarballUpload()
    {
        _output = new CountingStream(_pipe.Writer.AsStream(leaveOpen: true));
    }

    /// <summary>Completes when the object store has the whole tarball, or faults with the store's error.</summary>
    public Task Upload { get; private set; } = Task.CompletedTask;

    /// <summary>Completes when the last entry and the gzip trailer went into the pipe.</summary>
    public Task Writer { get; private set; } = Task.CompletedTask;

    public long BytesWritten => _output.BytesWritten;

    public static TarballUpload Start(ObjectStoreLocation location, string key, TimeProvider time, CancellationToken cancellationToken)
    {
        var upload = new TarballUpload();
        upload.Upload = Task.Run(() => upload.PutAsync(location, key, cancellationToken), CancellationToken.None);
        upload.Writer = Task.Run(() => upload.WriteAsync(time, cancellationToken), CancellationToken.None);
        return upload;
    }

    public ValueTask WriteAsync(TarballItem item, CancellationToken cancellationToken) => _items.Writer.WriteAsync(item, cancellationToken);

    /// <summary>No more items: ends the tarball and waits for the upload to finish.</summary>
    public async Task CompleteAsync()
    {
        _items.Writer.TryComplete();
        await Writer;
        await Upload;
    }

    /// <summary>Stops both ends after a failure and waits for them, so nothing reaches storage afterwards.</summary>
    public async Task AbortAsync(Exception reason)
    {
        _items.Writer.TryComplete(reason);
        try
        {
            await Writer;
        }
        catch (Exception)
        {
            // The writer failing is the expected outcome of an abort.
        }

        try
        {
            await Upload;
        }
        catch (Exception)
        {
            // Ditto for the upload: the reason is reported by the caller.
        }
    }

    public void Dispose() => _output.Dispose();

    private async Task PutAsync(ObjectStoreLocation location, string key, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = _pipe.Reader.AsStream(leaveOpen: true);
            await location.PutAsync(key, body, cancellationToken);
            await _pipe.Reader.CompleteAsync();
        }
        catch (Exception e)
        {
            // The writer sees the reader gone and stops instead of filling a pipe nobody reads.
            await _pipe.Reader.CompleteAsync(e);
            throw;
        }
    }

    private async Task WriteAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            // Not disposed on failure: disposing would write the tar end and gzip trailer, making a cut-off
            // tarball look whole to a reader.
            var writer = await BackupTarballWriter.CreateAsync(_output, time, cancellationToken: cancellationToken);
            await foreach (var item in _items.Reader.ReadAllAsync(cancellationToken))
            {
                if (Upload.IsFaulted)
                {
                    await Upload;
                }

                await writer.WriteItemAsync(item.Resource, item.Namespace, item.Name, item.PreferredVersion, item.Json, cancellationToken);
            }

            await writer.DisposeAsync();
            await _output.FlushAsync(cancellationToken);
            await _pipe.Writer.CompleteAsync();
        }
        catch (Exception e)
        {
            // The upload's body then ends with this error instead of looking like a complete, shorter tarball.
            await _pipe.Writer.CompleteAsync(e);
            throw;
        }
    }
}
