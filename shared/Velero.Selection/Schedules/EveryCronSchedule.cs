namespace Velero.Selection.Schedules;

/// <summary>
/// <c>@every DURATION</c>: a fixed delay from the previous run, at least a second and whole seconds only (robfig's
/// <c>ConstantDelaySchedule</c>); a zone prefix does not change it.
/// </summary>
public sealed class EveryCronSchedule : CronSchedule
{
    internal EveryCronSchedule(TimeSpan delay, TimeZoneInfo zone)
        : base(zone)
    {
        if (delay < TimeSpan.FromSeconds(1))
        {
            delay = TimeSpan.FromSeconds(1);
        }

        Delay = TimeSpan.FromTicks(delay.Ticks - (delay.Ticks % TimeSpan.TicksPerSecond));
    }

    public TimeSpan Delay { get; }

    // robfig drops the sub-second part of the base time, then adds the delay.
    public override DateTimeOffset? NextAfter(DateTimeOffset after) =>
        after.AddTicks(-(after.UtcTicks % TimeSpan.TicksPerSecond)) + Delay;
}
