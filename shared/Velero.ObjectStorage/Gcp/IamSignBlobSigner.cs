using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Google.Apis.Auth.OAuth2;
using Google.Cloud.Storage.V1;

namespace Velero.ObjectStorage.Gcp;

/// <summary>
/// Signs through the IAM Credentials API's <c>signBlob</c> as the BSL's <c>serviceAccount</c>, as upstream does for
/// workload identity (no private key in the pod). The credential's token authorises the call.
/// </summary>
internal sealed class IamSignBlobSigner(string serviceAccount, GoogleCredential credential, HttpClient http) : UrlSigner.IBlobSigner
{
    private static readonly Uri IamCredentials = new("https://iamcredentials.googleapis.com/v1/");

    public string Id => serviceAccount;

    public string Algorithm => "GOOG4-RSA-SHA256";

    public string CreateSignature(byte[] data, UrlSigner.BlobSignerParameters parameters) =>
        CreateSignatureAsync(data, parameters, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<string> CreateSignatureAsync(byte[] data, UrlSigner.BlobSignerParameters parameters, CancellationToken cancellationToken)
    {
        var token = await ((ITokenAccess)credential).GetAccessTokenForRequestAsync(IamCredentials.ToString(), cancellationToken);
        using var request = new HttpRequestMessage(
            HttpMethod.Post, new Uri(IamCredentials, $"projects/-/serviceAccounts/{Uri.EscapeDataString(serviceAccount)}:signBlob"))
        {
            Content = JsonContent.Create(new SignBlobRequest(Convert.ToBase64String(data))),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ObjectStorageException(
                (int)response.StatusCode is 401 or 403 ? ObjectStorageErrorKind.AccessDenied : ObjectStorageErrorKind.Other,
                $"signing a URL as service account {serviceAccount} through IAM signBlob failed (HTTP {(int)response.StatusCode}): it needs roles/iam.serviceAccountTokenCreator");
        }

        var body = await response.Content.ReadFromJsonAsync<SignBlobResponse>(cancellationToken);
        return body?.SignedBlob ?? throw new ObjectStorageException(ObjectStorageErrorKind.Other, "IAM signBlob answered without a signedBlob");
    }

    private sealed record SignBlobRequest([property: JsonPropertyName("payload")] string Payload);

    private sealed record SignBlobResponse([property: JsonPropertyName("signedBlob")] string? SignedBlob);
}
