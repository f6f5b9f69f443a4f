using System.Threading.Channels;

namespace Velero.Scheduler.Flow;

/// <summary>
/// Wakes a dispatcher when work is queued or ends, so a free slot is used at once rather than at the next tick. Pokes
/// while a wake-up is pending fold into it. Each flow (backups, restores) has its own signal type, so each dispatcher is
/// woken only by its own work.
/// </summary>
internal abstract class QueueSignal
{
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Poke() => _wakeups.Writer.TryWrite(true);

    /// <summary>Waits for a poke or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wakeups.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
