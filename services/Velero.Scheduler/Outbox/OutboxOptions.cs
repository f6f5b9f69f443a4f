namespace Velero.Scheduler.Outbox;

/// <summary>Section <c>Outbox</c>.</summary>
internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the dispatcher looks for messages when no notification wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>Dispatched messages and inbox entries are kept this long, for operators and redeliveries.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
