using Azure;

namespace Velero.ObjectStorage.Azure;

/// <summary>
/// Turns Azure SDK failures into <see cref="ObjectStorageException"/>s naming the container, the account host and
/// the storage error code only: <see cref="RequestFailedException"/> messages quote request headers and URLs.
/// </summary>
internal sealed class AzureErrors(string container, string host)
{
    private static readonly string[] AccessDeniedCodes =
        ["AuthenticationFailed", "AuthorizationFailure", "AuthorizationPermissionMismatch", "InsufficientAccountPermissions", "InvalidAuthenticationInfo"];

    public static bool IsBlobNotFound(RequestFailedException e) => e.Status == 404 && e.ErrorCode != "ContainerNotFound";

    public ObjectStorageException Translate(Exception exception)
    {
        switch (exception)
        {
            case ObjectStorageException own:
                return own;
            case RequestFailedException { Status: not 0 } e:
                var code = string.IsNullOrEmpty(e.ErrorCode) ? $"HTTP {e.Status}" : e.ErrorCode;
                if (e.Status is 401 or 403 || AccessDeniedCodes.Contains(code, StringComparer.Ordinal))
                {
                    return new ObjectStorageException(
                        ObjectStorageErrorKind.AccessDenied,
                        $"access denied to container \"{container}\" at {host} ({code}): check the location's credentials and their permissions");
                }

                if (code == "ContainerNotFound")
                {
                    return new ObjectStorageException(
                        ObjectStorageErrorKind.NoSuchBucket, $"container \"{container}\" does not exist at {host} (ContainerNotFound)");
                }

                return new ObjectStorageException(
                    ObjectStorageErrorKind.Other, $"object storage request to container \"{container}\" at {host} failed: {code} (HTTP {e.Status})");
            case global::Azure.Identity.AuthenticationFailedException or global::Azure.Identity.CredentialUnavailableException:
                return new ObjectStorageException(
                    ObjectStorageErrorKind.AccessDenied,
                    $"could not get an Entra ID token for container \"{container}\" at {host}: {exception.GetType().Name}; check the location's credentials");
        }

        if (NetworkFailure.Describe(exception) is { } reason)
        {
            return new ObjectStorageException(
                ObjectStorageErrorKind.Unreachable, $"object storage endpoint {host} is unreachable ({reason}) for container \"{container}\"");
        }

        return new ObjectStorageException(
            ObjectStorageErrorKind.Other,
            $"object storage request to container \"{container}\" at {host} failed: {exception.GetType().Name}: {MessageSanitizer.Sanitize(exception.Message)}");
    }
}
