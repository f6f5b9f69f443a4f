using Google.Apis.Http;

namespace Velero.ObjectStorage.Gcp;

/// <summary>
/// What the GCS provider takes from its surroundings: the clock (token and URL signing times), environment
/// variables (<c>GOOGLE_APPLICATION_CREDENTIALS</c>) and the HTTP stack. Tests replace all three.
/// </summary>
internal sealed record GcsEnvironment(TimeProvider Time, Func<string, string?> Variable, IHttpClientFactory? HttpClientFactory)
{
    public static GcsEnvironment System(TimeProvider time) => new(time, Environment.GetEnvironmentVariable, null);
}
