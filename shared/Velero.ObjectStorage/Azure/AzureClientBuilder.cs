using System.Net.Security;
using Azure.Core.Pipeline;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace Velero.ObjectStorage.Azure;

/// <summary>
/// Builds the <see cref="BlobServiceClient"/> for one BSL: shared key or token credential, a bounded retry policy
/// (the SDK's default backs off for minutes against a dead endpoint), and the BSL's <c>caCert</c> trusted for
/// this client only, as upstream's <c>GetClientOptions</c> does.
/// </summary>
internal static class AzureClientBuilder
{
    public static BlobServiceClient Build(AzureSettings settings, out HttpClient? ownedHttpClient)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = TimeSpan.FromMinutes(2);
        // Keys and URLs must stay out of the SDK's own event-source logs too.
        options.Diagnostics.IsLoggingContentEnabled = false;
        ownedHttpClient = null;
        if (settings.CaCertPem is not null)
        {
            var trust = new CertificateTrust(CertificateTrust.LoadPem(settings.CaCertPem), insecureSkipVerify: false);
            var handler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, c, ch, e) => trust.Validate(c, ch, e) },
            };
            ownedHttpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            options.Transport = new HttpClientTransport(ownedHttpClient);
        }

        if (settings.AccountKey is not null)
        {
            StorageSharedKeyCredential key;
            try
            {
                key = new StorageSharedKeyCredential(settings.StorageAccount, settings.AccountKey);
            }
            catch (FormatException)
            {
                throw new ObjectStorageException(
                    ObjectStorageErrorKind.InvalidConfiguration, "the storage account access key is not valid base64");
            }

            return new BlobServiceClient(settings.ServiceUri, key, options);
        }

        return new BlobServiceClient(settings.ServiceUri, settings.TokenCredential!, options);
    }
}
