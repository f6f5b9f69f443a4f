namespace Velero.ServiceDefaults.Startup;

/// <summary>
/// Work that must succeed before a service starts consuming: reaching a dependency, applying migrations.
/// Tasks run in registration order; each is retried until it succeeds or the start-up deadline passes.
/// </summary>
public interface IStartupTask
{
    /// <summary>What the task does, as the one-line start-up error names it ("reach RabbitMQ at ...").</summary>
    string Description { get; }

    /// <summary>
    /// Whether a failure may pass with time (a dependency still starting). Permanent failures (bad credentials,
    /// a broken migration) end start-up at once.
    /// </summary>
    bool IsTransient(Exception exception);

    Task RunAsync(CancellationToken cancellationToken);
}
