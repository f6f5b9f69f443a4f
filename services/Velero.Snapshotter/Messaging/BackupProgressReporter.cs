using MassTransit;
using Velero.Contracts.Backups;
using Velero.Snapshotter.Collection;

namespace Velero.Snapshotter.Messaging;

/// <summary>
/// Turns the collector's progress into <see cref="BackupProgressed"/> events: at most one per second while items
/// move, and one every heartbeat interval while nothing does, so the scheduler can tell a slow backup from a dead
/// snapshotter. The collector reports from any thread; publishing happens on one loop.
/// </summary>
internal sealed class BackupProgressReporter : IProgress<CollectionProgress>, IAsyncDisposable
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private readonly IPublishEndpoint _publisher;
    private readonly BackupRef _backup;
    private readonly int _attempt;
    private readonly TimeSpan _heartbeat;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private CollectionProgress _latest = new(0, 0);

    public BackupProgressReporter(IPublishEndpoint publisher, BackupRef backup, int attempt, TimeSpan heartbeat,
        TimeProvider time, ILogger logger)
    {
        _publisher = publisher;
        _backup = backup;
        _attempt = attempt;
        _heartbeat = heartbeat;
        _time = time;
        _logger = logger;
        _loop = RunAsync(_stop.Token);
    }

    public void Report(CollectionProgress value) => Volatile.Write(ref _latest, value);

    /// <summary>Stops publishing; the final state goes out with the completion or failure event.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        CollectionProgress? published = null;
        var lastPublished = _time.GetUtcNow();
        try
        {
            // The first heartbeat goes out at once: the scheduler learns that a snapshotter took the backup.
            await PublishAsync(Volatile.Read(ref _latest), cancellationToken);
            published = Volatile.Read(ref _latest);
            using var timer = new PeriodicTimer(MinInterval, _time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var latest = Volatile.Read(ref _latest);
                var now = _time.GetUtcNow();
                if (latest != published || now - lastPublished >= _heartbeat)
                {
                    await PublishAsync(latest, cancellationToken);
                    published = latest;
                    lastPublished = now;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Progress is advisory: a broker hiccup must not fail the backup. The heartbeat gap shows in the scheduler.
            _logger.LogWarning("Publishing progress of backup {Name} stopped: {Reason}", _backup.Name, e.Message);
        }
    }

    private Task PublishAsync(CollectionProgress progress, CancellationToken cancellationToken) =>
        _publisher.Publish(new BackupProgressed
        {
            Backup = _backup,
            Attempt = _attempt,
            TotalItems = progress.TotalItems,
            ItemsBackedUp = progress.ItemsBackedUp,
            At = _time.GetUtcNow(),
        }, cancellationToken);
}
