using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Velero.Scheduler;

/// <summary>The scheduler's own spans and instruments (picked up by the shared <c>Velero.*</c> registration).</summary>
internal static class SchedulerTelemetry
{
    public const string Name = "Velero.Scheduler";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> OutboxPublished =
        Meter.CreateCounter<long>("velero.scheduler.outbox.published", description: "Messages published from the outbox");
}
