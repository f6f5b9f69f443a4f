using Google.Apis.Http;

namespace Velero.ObjectStorage.Tests.Gcp;

/// <summary>The Google client's HTTP factory with <see cref="RecordingHandler"/> as the transport.</summary>
internal sealed class RecordingHttpClientFactory(RecordingHandler handler) : HttpClientFactory
{
    protected override HttpMessageHandler CreateHandler(CreateHttpClientArgs args) => handler;
}
