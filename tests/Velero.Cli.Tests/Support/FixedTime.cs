namespace Velero.Cli.Tests.Support;

/// <summary>A clock standing at one instant (advanced by hand where a test needs it).</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
