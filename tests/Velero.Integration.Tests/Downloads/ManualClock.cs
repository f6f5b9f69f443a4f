namespace Velero.Integration.Tests.Downloads;

/// <summary>A clock the test moves: starts at the real time (pre-signing still uses the real one), then jumps.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
