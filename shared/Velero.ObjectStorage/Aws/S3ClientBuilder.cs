using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Velero.ObjectStorage.Aws;

/// <summary>Builds the AWSSDK.S3 client for a location's <see cref="S3Settings"/>.</summary>
internal static class S3ClientBuilder
{
    public static AmazonS3Client Build(S3Settings settings, Uri? endpoint)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            // WHEN_REQUIRED keeps the SDK from adding a CRC32 trailer to every upload on its own (local-infrastructure
            // §4: S3-compatibles reject or corrupt it); the configured checksumAlgorithm is set per request instead.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = settings.ChecksumAlgorithm is null
                ? ResponseChecksumValidation.WHEN_REQUIRED
                : ResponseChecksumValidation.WHEN_SUPPORTED,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };

        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            // The signing region; S3-compatibles mostly ignore it but check that it is consistent.
            config.AuthenticationRegion = settings.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        if (settings.InsecureSkipTlsVerify || settings.CaCertPem is not null)
        {
            var roots = settings.CaCertPem is null ? null : CertificateTrust.LoadPem(settings.CaCertPem);
            config.HttpClientFactory = new TlsHttpClientFactory(new CertificateTrust(roots, settings.InsecureSkipTlsVerify));
        }

        return settings.Credentials switch
        {
            null => new AmazonS3Client(config),
            { SessionToken: null } c => new AmazonS3Client(new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey), config),
            var c => new AmazonS3Client(new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), config),
        };
    }

    /// <summary>The host named in error messages: the s3Url's authority, or the AWS regional endpoint.</summary>
    public static string HostOf(S3Settings settings) =>
        settings.ServiceUrl?.Authority ?? $"s3.{settings.Region}.amazonaws.com";
}
