using System.Threading.Channels;

namespace Velero.KubeEmulator.Storage;

/// <summary>A live feed of one resource's changes; disposing it unsubscribes.</summary>
public sealed class WatchSubscription(Action<WatchSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<WatchEvent> _events = Channel.CreateUnbounded<WatchEvent>(
        new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<WatchEvent> Events => _events.Reader;

    internal void Publish(WatchEvent e) => _events.Writer.TryWrite(e);

    public void Dispose()
    {
        unsubscribe(this);
        _events.Writer.TryComplete();
    }
}
