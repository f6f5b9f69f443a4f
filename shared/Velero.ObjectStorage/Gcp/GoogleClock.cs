namespace Velero.ObjectStorage.Gcp;

/// <summary>A <see cref="TimeProvider"/> as the Google auth library's clock (the self-signed token's times).</summary>
internal sealed class GoogleClock(TimeProvider time) : Google.Apis.Util.IClock
{
    public DateTime Now => time.GetLocalNow().DateTime;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
