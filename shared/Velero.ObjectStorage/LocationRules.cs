namespace Velero.ObjectStorage;

/// <summary>Upstream's bucket and prefix rules for <c>spec.objectStorage</c> (spec 1.1).</summary>
public static class LocationRules
{
    /// <summary>Leading and trailing <c>/</c> are trimmed from both bucket and prefix, as upstream does.</summary>
    public static string Trim(string? value) => (value ?? "").Trim('/');

    /// <summary>
    /// Throws unless the (trimmed) bucket is usable: not empty, and no <c>/</c> inside, except S3 Multi-Region
    /// Access Point ARNs (<c>arn:aws:s3:...</c>), which upstream lets through. Message as upstream's, quoting the
    /// bucket as the user wrote it (<paramref name="asWritten"/>).
    /// </summary>
    public static void ValidateBucket(string bucket, string? asWritten = null)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (bucket.Length == 0)
        {
            throw new ObjectStorageException(ObjectStorageErrorKind.InvalidConfiguration, "bucket must not be empty");
        }

        if (bucket.Contains('/', StringComparison.Ordinal) && !bucket.StartsWith("arn:aws:s3:", StringComparison.Ordinal))
        {
            throw new ObjectStorageException(
                ObjectStorageErrorKind.InvalidConfiguration,
                $"backup storage location's bucket name \"{asWritten ?? bucket}\" must not contain a '/' (if using a prefix, put it in the 'Prefix' field instead)");
        }
    }

    /// <summary>Root = <c>""</c> without a prefix, else <c>&lt;prefix&gt;/</c>; every layout key is under it.</summary>
    public static string Root(string trimmedPrefix) => trimmedPrefix.Length == 0 ? "" : trimmedPrefix + "/";
}
