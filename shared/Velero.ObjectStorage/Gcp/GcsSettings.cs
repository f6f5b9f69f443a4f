using Google.Apis.Auth.OAuth2;
using Google.Cloud.Storage.V1;

namespace Velero.ObjectStorage.Gcp;

/// <summary>A gcp BSL resolved: credential, URL signer, endpoint. Holds key material: never log it.</summary>
internal sealed record GcsSettings
{
    public required string Bucket { get; init; }

    public required GoogleCredential Credential { get; init; }

    /// <summary>
    /// Signs V4 URLs with the service account key, or through IAM signBlob for workload identity; null for
    /// credentials that cannot sign (external_account, as upstream).
    /// </summary>
    public UrlSigner? Signer { get; init; }

    /// <summary>The JSON API base (<c>https://storage.googleapis.com/storage/v1/</c> unless <c>storeEndpoint</c>).</summary>
    public Uri? BaseUri { get; init; }

    public string? UniverseDomain { get; init; }

    public string? KmsKeyName { get; init; }

    public override string ToString() => $"GcsSettings {{ Bucket = {Bucket}, BaseUri = {BaseUri} }}";
}
