namespace Velero.Snapshotter.Tests.Hooks;

/// <summary>
/// A clock whose timers fire at once and remember how long they were set for: a default timeout is then observed
/// without waiting for it.
/// </summary>
internal sealed class ImmediateTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> _dueTimes = [];

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get { lock (_dueTimes) { return [.. _dueTimes]; } }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_dueTimes)
        {
            _dueTimes.Add(dueTime);
        }

        return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
