using System.Collections.Concurrent;
using MassTransit;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Integration.Tests.Support;

namespace Velero.Integration.Tests.Backups;

/// <summary>
/// Stands where a snapshotter would on the real test broker: it receives <c>CollectBackup</c> and the scheduler's backup
/// events, and publishes what a snapshotter reports (progress, completion, failure).
/// </summary>
internal sealed class SnapshotterStandIn : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<object> _received = new();

    private SnapshotterStandIn(IBusControl bus) => _bus = bus;

    public IReadOnlyList<object> Received => [.. _received];

    public static async Task<SnapshotterStandIn> StartAsync()
    {
        SnapshotterStandIn? standIn = null;
        var bus = TestBus.Create("integration-tests-snapshotter", endpoint =>
        {
            endpoint.Handler<CollectBackup>(context => Record(standIn!, context.Message));
            endpoint.Handler<BackupStarted>(context => Record(standIn!, context.Message));
            endpoint.Handler<BackupFailed>(context => Record(standIn!, context.Message));
        });
        standIn = new SnapshotterStandIn(bus);
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

    /// <summary>What a snapshotter reports when attempt 1 of <paramref name="backup"/> is in storage.</summary>
    public static BackupCompleted Completed(BackupRef backup, string phase) => new()
    {
        Backup = backup,
        Attempt = 1,
        Phase = phase,
        StartedAt = DateTimeOffset.UtcNow.AddSeconds(-5),
        CompletedAt = DateTimeOffset.UtcNow,
        TotalItems = 12,
        ItemsBackedUp = 12,
        Warnings = 2,
        Errors = phase == BackupPhase.PartiallyFailed ? 1 : 0,
        HooksAttempted = 3,
        HooksFailed = 1,
        TarballBytes = 4096,
    };

    private static Task Record(SnapshotterStandIn standIn, object message)
    {
        standIn._received.Enqueue(message);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
