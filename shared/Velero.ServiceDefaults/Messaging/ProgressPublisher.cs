using Microsoft.Extensions.Logging;

namespace Velero.ServiceDefaults.Messaging;

/// <summary>
/// Turns a worker's progress into events: at most one per second while it moves, and one every heartbeat interval while
/// it does not, so the scheduler can tell slow work from a dead worker. Progress is reported from any thread;
/// publishing happens on one loop, and the first report goes out at once (the scheduler learns the work was taken).
/// </summary>
/// <typeparam name="T">The progress, a record: a value equal to the last published one is not published again before the heartbeat.</typeparam>
public sealed class ProgressPublisher<T> : IProgress<T>, IAsyncDisposable
    where T : class
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private readonly Func<T, CancellationToken, Task> _publish;
    private readonly TimeSpan _heartbeat;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _subject;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private T _latest;

    /// <param name="publish">Publishes one progress event.</param>
    /// <param name="subject">What the progress is of, for the log (<c>restore velero/r1</c>).</param>
    public ProgressPublisher(Func<T, CancellationToken, Task> publish, T initial, TimeSpan heartbeat, TimeProvider time,
        ILogger logger, string subject)
    {
        _publish = publish;
        _latest = initial;
        _heartbeat = heartbeat;
        _time = time;
        _logger = logger;
        _subject = subject;
        _loop = RunAsync(_stop.Token);
    }

    public void Report(T value) => Volatile.Write(ref _latest, value);

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
        // Let the constructor return before the first publish.
        await Task.Yield();
        try
        {
            var published = Volatile.Read(ref _latest);
            await _publish(published, cancellationToken);
            var lastPublished = _time.GetUtcNow();
            using var timer = new PeriodicTimer(MinInterval, _time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var latest = Volatile.Read(ref _latest);
                var now = _time.GetUtcNow();
                if (!Equals(latest, published) || now - lastPublished >= _heartbeat)
                {
                    await _publish(latest, cancellationToken);
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
            // Progress is advisory: a broker hiccup must not fail the work. The heartbeat gap shows in the scheduler.
            _logger.LogWarning("Publishing progress of {Subject} stopped: {Reason}", _subject, e.Message);
        }
    }
}
