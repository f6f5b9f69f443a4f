using Google;

namespace Velero.ObjectStorage.Gcp;

/// <summary>
/// Turns GCS failures into <see cref="ObjectStorageException"/>s naming the bucket, the endpoint host and the
/// API's error reason only: <see cref="GoogleApiException"/> messages can quote request URLs.
/// </summary>
internal sealed class GcsErrors(string bucket, string host)
{
    public static bool IsNotFound(Exception e) => e is GoogleApiException { HttpStatusCode: System.Net.HttpStatusCode.NotFound };

    public ObjectStorageException Translate(Exception exception)
    {
        switch (exception)
        {
            case ObjectStorageException own:
                return own;
            case GoogleApiException { HttpStatusCode: not 0 } e:
                var reason = e.Error?.Errors is { Count: > 0 } errors && !string.IsNullOrEmpty(errors[0].Reason) ? errors[0].Reason : null;
                return FromStatus((int)e.HttpStatusCode, reason, e.Error?.Message);
        }

        if (NetworkFailure.Describe(exception) is { } why)
        {
            return new ObjectStorageException(
                ObjectStorageErrorKind.Unreachable, $"object storage endpoint {host} is unreachable ({why}) for bucket \"{bucket}\"");
        }

        return new ObjectStorageException(
            ObjectStorageErrorKind.Other,
            $"object storage request to bucket \"{bucket}\" at {host} failed: {exception.GetType().Name}: {MessageSanitizer.Sanitize(exception.Message)}");
    }

    /// <summary>An HTTP error answer; <paramref name="message"/> is GCS's own text, checked only for "bucket".</summary>
    public ObjectStorageException FromStatus(int status, string? reason, string? message)
    {
        var code = reason ?? $"HTTP {status}";
        if (status is 401 or 403)
        {
            return new ObjectStorageException(
                ObjectStorageErrorKind.AccessDenied,
                $"access denied to bucket \"{bucket}\" at {host} ({code}): check the location's credentials and their permissions");
        }

        if (status == 404 && message?.Contains("bucket", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new ObjectStorageException(ObjectStorageErrorKind.NoSuchBucket, $"bucket \"{bucket}\" does not exist at {host} (notFound)");
        }

        return new ObjectStorageException(
            ObjectStorageErrorKind.Other, $"object storage request to bucket \"{bucket}\" at {host} failed: {code} (HTTP {status})");
    }
}
