using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Velero.ServiceDefaults.Startup;

/// <summary>Runs the registered <see cref="IStartupTask"/>s in order, each retried until the shared deadline.</summary>
public sealed class StartupRunner(
    IEnumerable<IStartupTask> tasks,
    IOptions<StartupOptions> options,
    TimeProvider time,
    ILogger<StartupRunner> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var timeout = options.Value.DependencyTimeout;
        var deadline = time.GetUtcNow() + timeout;
        foreach (var task in tasks)
        {
            await RunOneAsync(task, deadline, timeout, cancellationToken);
        }
    }

    private async Task RunOneAsync(IStartupTask task, DateTimeOffset deadline, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var remaining = deadline - time.GetUtcNow();
            using var attemptBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptBudget.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1));
            try
            {
                await task.RunAsync(attemptBudget.Token);
                logger.LogInformation("Start-up: {Task} done in {Elapsed:F0} ms", task.Description,
                    time.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var message = OneLine(e);
                if (e is StartupFailedException || !task.IsTransient(e))
                {
                    throw new StartupFailedException($"cannot {task.Description}: {message}", e);
                }

                if (time.GetUtcNow() + backoff >= deadline)
                {
                    throw new StartupFailedException(
                        $"cannot {task.Description} within {timeout.TotalSeconds:0.#}s ({attempt} attempts): {message}", e);
                }

                logger.LogWarning("Start-up: cannot {Task} yet (attempt {Attempt}): {Reason}", task.Description, attempt, message);
                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>The innermost useful message, on one line: operators read this, not a stack trace.</summary>
    internal static string OneLine(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && (inner is AggregateException || inner.Message.Length == 0
                   || inner.GetType().Name.Contains("BrokerUnreachable", StringComparison.Ordinal)))
        {
            inner = inner.InnerException;
        }

        var text = inner is OperationCanceledException ? "timed out" : inner.Message;
        return string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
    }
}
