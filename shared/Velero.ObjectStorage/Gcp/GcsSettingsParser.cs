namespace Velero.ObjectStorage.Gcp;

/// <summary>Turns a validated gcp BSL config into <see cref="GcsSettings"/>.</summary>
internal static class GcsSettingsParser
{
    public static GcsSettings Parse(string bucket, BackupStorageLocationConfig location, GcsEnvironment environment, HttpClient signBlobHttp)
    {
        var config = location.Config;
        var (credential, signer) = GcsCredentials.Resolve(location, environment, signBlobHttp);
        return new GcsSettings
        {
            Bucket = bucket,
            Credential = credential,
            Signer = signer,
            BaseUri = Endpoint(ConfigKeys.Get(config, GcsConfigKeys.StoreEndpoint)),
            UniverseDomain = NullIfEmpty(ConfigKeys.Get(config, GcsConfigKeys.UniverseDomain)),
            KmsKeyName = NullIfEmpty(ConfigKeys.Get(config, GcsConfigKeys.KmsKeyName)),
        };
    }

    /// <summary>
    /// <c>storeEndpoint</c> as the Go client's <c>WithEndpoint</c> takes it: a host (<c>storage-example.p.googleapis.com</c>)
    /// gets https and the JSON API path; a URL without a path gets the path; a URL with one is used as it is.
    /// </summary>
    internal static Uri? Endpoint(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var withScheme = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0)
        {
            throw new ObjectStorageException(ObjectStorageErrorKind.InvalidConfiguration, $"storeEndpoint \"{value}\" is not a host name or an http(s) URL");
        }

        var path = url.AbsolutePath == "/" ? "/storage/v1/" : url.AbsolutePath.TrimEnd('/') + "/";
        return new UriBuilder(url) { Path = path }.Uri;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
