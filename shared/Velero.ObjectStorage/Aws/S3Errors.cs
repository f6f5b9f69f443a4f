using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace Velero.ObjectStorage.Aws;

/// <summary>
/// Turns SDK failures into <see cref="ObjectStorageException"/>s whose message names the bucket and endpoint host
/// and the S3 error code, nothing else: SDK messages can quote request URLs, and keys are the caller's business.
/// </summary>
internal sealed class S3Errors(string bucket, string host)
{
    private const string UntrustedTls = "TLS handshake failed: is the server's certificate trusted? see caCert and insecureSkipTLSVerify";

    private static readonly string[] AccessDeniedCodes =
        ["AccessDenied", "SignatureDoesNotMatch", "InvalidAccessKeyId", "ExpiredToken", "InvalidToken", "AllAccessDisabled"];

    public string Host { get; } = host;

    public static bool IsNoSuchKey(AmazonS3Exception e) => e.ErrorCode == "NoSuchKey";

    public ObjectStorageException Translate(Exception exception)
    {
        if (exception is ObjectStorageException own)
        {
            return own;
        }

        // A status code means the server answered; without one the request never got a response.
        if (exception is AmazonS3Exception { StatusCode: not 0 } e)
        {
            var code = string.IsNullOrEmpty(e.ErrorCode) ? e.StatusCode.ToString() : e.ErrorCode;
            if (e.StatusCode == HttpStatusCode.Forbidden || AccessDeniedCodes.Contains(code, StringComparer.Ordinal))
            {
                return new ObjectStorageException(
                    ObjectStorageErrorKind.AccessDenied,
                    $"access denied to bucket \"{bucket}\" at {Host} ({code}): check the location's credentials and their permissions");
            }

            if (code == "NoSuchBucket")
            {
                return new ObjectStorageException(
                    ObjectStorageErrorKind.NoSuchBucket, $"bucket \"{bucket}\" does not exist at {Host} (NoSuchBucket)");
            }

            return new ObjectStorageException(
                ObjectStorageErrorKind.Other,
                $"object storage request to bucket \"{bucket}\" at {Host} failed: {code} (HTTP {(int)e.StatusCode})");
        }

        if (Unreachable(exception) is { } reason)
        {
            return new ObjectStorageException(
                ObjectStorageErrorKind.Unreachable, $"object storage endpoint {Host} is unreachable ({reason}) for bucket \"{bucket}\"");
        }

        return new ObjectStorageException(
            ObjectStorageErrorKind.Other,
            $"object storage request to bucket \"{bucket}\" at {Host} failed: {exception.GetType().Name}: {MessageSanitizer.Sanitize(exception.Message)}");
    }

    /// <summary>A short, credential-free reason when the failure is the network's, else null.</summary>
    private static string? Unreachable(Exception exception)
    {
        if (NetworkFailure.Describe(exception, UntrustedTls) is { } reason)
        {
            return reason;
        }

        return exception is AmazonServiceException or AmazonClientException && exception.InnerException is IOException
            ? "connection closed"
            : null;
    }
}
