using System.Collections.Concurrent;
using MassTransit;
using Velero.Contracts.Backups;
using Velero.Contracts.Requests;
using Velero.Contracts.Restores;
using Velero.Integration.Tests.Support;
using Velero.Testing;

namespace Velero.Integration.Tests.Requests;

/// <summary>
/// An outside system's subscription: its own queue on the real broker, bound to the platform's answer and lifecycle
/// event types (MassTransit binds the exchanges named after them), recording every event it receives.
/// </summary>
internal sealed class PlatformEvents : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> _received = new();
    private IBusControl _bus = null!;

    public static async Task<PlatformEvents> StartAsync()
    {
        var events = new PlatformEvents();
        events._bus = TestBus.Create("outside-system", endpoint =>
        {
            events.Record<BackupRequestAccepted>(endpoint);
            events.Record<BackupRequestFailed>(endpoint);
            events.Record<BackupStarted>(endpoint);
            events.Record<BackupProgressed>(endpoint);
            events.Record<BackupCompleted>(endpoint);
            events.Record<BackupFailed>(endpoint);
            events.Record<RestoreRequestAccepted>(endpoint);
            events.Record<RestoreRequestFailed>(endpoint);
            events.Record<RestoreStarted>(endpoint);
            events.Record<RestoreProgressed>(endpoint);
            events.Record<RestoreCompleted>(endpoint);
            events.Record<RestoreFailed>(endpoint);
        });
        await events._bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return events;
    }

    public IPublishEndpoint Publisher => _bus;

    public IReadOnlyList<T> All<T>(Func<T, bool> match) => [.. _received.OfType<T>().Where(match)];

    public async Task<T> WaitAsync<T>(Func<T, bool> match, TimeSpan timeout)
    {
        T? found = default;
        await Eventually.WaitAsync(() =>
        {
            found = _received.OfType<T>().FirstOrDefault(match);
            return Task.FromResult(found is not null);
        }, timeout, $"no {typeof(T).Name} arrived; received: {string.Join(", ", _received.Select(e => e.GetType().Name))}",
            TimeSpan.FromMilliseconds(100));
        return found!;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    private void Record<T>(IRabbitMqReceiveEndpointConfigurator endpoint)
        where T : class =>
        endpoint.Handler<T>(context =>
        {
            _received.Enqueue(context.Message);
            return Task.CompletedTask;
        });
}
