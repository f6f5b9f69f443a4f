using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Velero.Restorer.Engine;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Services.Tests.Restorer;

public sealed class ProgressPublisherTests
{
    [Fact]
    public async Task The_first_report_goes_out_at_once_and_a_change_at_the_next_second()
    {
        var published = new ConcurrentQueue<RestoreEngineProgress>();
        await using var publisher = new ProgressPublisher<RestoreEngineProgress>((p, _) =>
        {
            published.Enqueue(p);
            return Task.CompletedTask;
        }, new RestoreEngineProgress(0, 0), TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger.Instance, "restore velero/r1");

        await WaitAsync(() => published.Count == 1);
        publisher.Report(new RestoreEngineProgress(10, 3));
        publisher.Report(new RestoreEngineProgress(10, 4));
        await WaitAsync(() => published.Count == 2);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await publisher.StopAsync();

        // Unchanged progress is not repeated before the heartbeat; only the latest of a second's reports goes out.
        Assert.Equal([new RestoreEngineProgress(0, 0), new RestoreEngineProgress(10, 4)], published);
    }

    [Fact]
    public async Task A_failing_publish_stops_the_reports_without_failing_the_work()
    {
        var calls = 0;
        await using var publisher = new ProgressPublisher<RestoreEngineProgress>((_, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("broker away");
        }, new RestoreEngineProgress(0, 0), TimeSpan.FromSeconds(1), TimeProvider.System, NullLogger.Instance, "restore velero/r1");

        await WaitAsync(() => Volatile.Read(ref calls) == 1);
        publisher.Report(new RestoreEngineProgress(1, 1));
        await publisher.StopAsync();

        Assert.Equal(1, calls);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition was not met in time");
            await Task.Delay(20);
        }
    }
}
