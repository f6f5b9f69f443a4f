using System.Net;
using Amazon.Runtime;

namespace Velero.ObjectStorage.Aws;

/// <summary>
/// The SDK's HttpClient with this location's TLS trust (<see cref="CertificateTrust"/>); used only when
/// <c>caCert</c> or <c>insecureSkipTLSVerify</c> is set, so other clients keep the SDK's own.
/// </summary>
internal sealed class TlsHttpClientFactory(CertificateTrust trust) : HttpClientFactory
{
    private readonly string _id = Guid.NewGuid().ToString("N");

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = clientConfig.ConnectTimeout ?? TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            trust.Validate(certificate, chain, errors);
        return new HttpClient(handler, disposeHandler: true)
        {
            Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100),
        };
    }

    // One cache entry per factory, so two locations with different CAs never share a client.
    public override string GetConfigUniqueString(IClientConfig clientConfig) => "velero-tls-" + _id;
}
