using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Velero.ServiceDefaults.Startup;

namespace Velero.Services.Tests.Hosting;

public sealed class StartupRunnerTests
{
    [Fact]
    public async Task A_dependency_that_comes_up_in_time_lets_start_up_go_on()
    {
        var task = new FlakyTask(failures: 2, transient: true);

        await Runner(TimeSpan.FromSeconds(10), task).RunAsync(CancellationToken.None);

        Assert.Equal(3, task.Attempts);
    }

    [Fact]
    public async Task A_permanent_failure_ends_start_up_at_once_with_one_line()
    {
        var task = new FlakyTask(failures: 100, transient: false);

        var error = await Assert.ThrowsAsync<StartupFailedException>(() => Runner(TimeSpan.FromSeconds(10), task).RunAsync(CancellationToken.None));

        Assert.Equal(1, task.Attempts);
        Assert.Equal("cannot reach the flaky thing: password authentication failed", error.Message);
    }

    [Fact]
    public async Task A_dependency_that_stays_away_ends_start_up_at_the_deadline()
    {
        var task = new FlakyTask(failures: int.MaxValue, transient: true);

        var error = await Assert.ThrowsAsync<StartupFailedException>(() => Runner(TimeSpan.FromSeconds(1), task).RunAsync(CancellationToken.None));

        Assert.StartsWith("cannot reach the flaky thing within 1s (", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.True(task.Attempts > 1);
    }

    private static StartupRunner Runner(TimeSpan timeout, IStartupTask task) =>
        new([task], Options.Create(new StartupOptions { DependencyTimeout = timeout }), TimeProvider.System,
            NullLogger<StartupRunner>.Instance);

    private sealed class FlakyTask(int failures, bool transient) : IStartupTask
    {
        public int Attempts { get; private set; }

        public string Description => "reach the flaky thing";

        public bool IsTransient(Exception exception) => transient;

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Attempts++;
            return Attempts <= failures
                ? Task.FromException(new InvalidOperationException(transient ? "connection refused\nat somewhere" : "password authentication failed"))
                : Task.CompletedTask;
        }
    }
}
