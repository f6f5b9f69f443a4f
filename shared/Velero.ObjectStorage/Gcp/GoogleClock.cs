namespace Velero.ObjectStorage.Gcp;

/// <summary>A <see cref="TimeProvider"/> as the Google libraries' clock, for token and signed-URL times.</summary>
internal sealed class GoogleClock(TimeProvider time) : Google.Apis.Util.IClock, Google.Api.Gax.IClock
{
    public DateTime Now => time.GetLocalNow().DateTime;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTime GetCurrentDateTimeUtc() => UtcNow;
}
