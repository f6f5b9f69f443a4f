using System.Collections.Concurrent;
using MassTransit;
using Velero.Api.V1;
using Velero.Contracts.Restores;
using Velero.Integration.Tests.Support;

namespace Velero.Integration.Tests.Restores;

/// <summary>
/// Stands where a restorer would on the real test broker: it receives <c>RunRestore</c> and the scheduler's restore
/// events, and publishes what a restorer reports (progress, completion, failure).
/// </summary>
internal sealed class RestorerStandIn : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<object> _received = new();

    private RestorerStandIn(IBusControl bus) => _bus = bus;

    public static async Task<RestorerStandIn> StartAsync()
    {
        RestorerStandIn? standIn = null;
        var bus = TestBus.Create("integration-tests-restorer", endpoint =>
        {
            endpoint.Handler<RunRestore>(context => Record(standIn!, context.Message));
            endpoint.Handler<RestoreStarted>(context => Record(standIn!, context.Message));
            endpoint.Handler<RestoreFailed>(context => Record(standIn!, context.Message));
        });
        standIn = new RestorerStandIn(bus);
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return standIn;
    }

    /// <summary>The first message of type <typeparamref name="T"/> that matches, once it has arrived.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_received.OfType<T>().FirstOrDefault(match) is { } message)
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {typeof(T).Name} arrived within {timeout}");
            await Task.Delay(100);
        }
    }

    public IReadOnlyList<T> All<T>(Func<T, bool> match) => [.. _received.OfType<T>().Where(match)];

    public Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class =>
        _bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    /// <summary>What a restorer reports when attempt 1 of <paramref name="restore"/> ran to its end.</summary>
    public static RestoreCompleted Completed(RestoreRef restore, string phase) => new()
    {
        Restore = restore,
        Attempt = 1,
        Phase = phase,
        StartedAt = DateTimeOffset.UtcNow.AddSeconds(-5),
        CompletedAt = DateTimeOffset.UtcNow,
        TotalItems = 20,
        ItemsRestored = 18,
        Warnings = 3,
        Errors = phase == RestorePhase.PartiallyFailed ? 2 : 0,
        HooksAttempted = 4,
        HooksFailed = 1,
    };

    private static Task Record(RestorerStandIn standIn, object message)
    {
        standIn._received.Enqueue(message);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
