using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace Velero.ObjectStorage.Tests.Gcp;

/// <summary>
/// V4 signed URLs made with the service account key: their shape, and a signature that verifies with the key's
/// public half over the canonical request GCS rebuilds from the URL.
/// </summary>
public sealed class GcsSignedUrlTests : IDisposable
{
    private readonly RecordingHandler _http = new();

    [Fact]
    public async Task A_signed_url_is_a_v4_get_url_for_the_object_signed_with_the_service_account_key()
    {
        using var store = GcsTestStores.Create(_http, TestServiceAccount.Json);

        var url = await store.CreateSignedUrlAsync("backups/b1/b1-logs.gz", TimeSpan.FromMinutes(10));

        Assert.Empty(_http.Requests);
        Assert.Equal("https://storage.googleapis.com/velero-bkt/backups/b1/b1-logs.gz", url.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("GOOG4-RSA-SHA256", query["X-Goog-Algorithm"]);
        var date = query["X-Goog-Date"]!;
        Assert.Matches(@"^\d{8}T\d{6}Z$", date);
        var signedAt = DateTimeOffset.ParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(DateTimeOffset.UtcNow - signedAt, TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(1));
        Assert.Equal($"{TestServiceAccount.Email}/{date[..8]}/auto/storage/goog4_request", query["X-Goog-Credential"]);
        Assert.Equal("600", query["X-Goog-Expires"]);
        Assert.Equal("host", query["X-Goog-SignedHeaders"]);
        Assert.Matches("^[0-9a-f]{512}$", query["X-Goog-Signature"]!);

        Assert.True(VerifiesWithPublicKey(url), "the signature does not verify with the service account's public key");
    }

    [Fact]
    public async Task A_signature_over_another_object_does_not_verify()
    {
        using var store = GcsTestStores.Create(_http, TestServiceAccount.Json);
        var url = await store.CreateSignedUrlAsync("backups/b1/b1-logs.gz", TimeSpan.FromMinutes(10));

        var tampered = new Uri(url.ToString().Replace("b1-logs.gz", "b2-logs.gz", StringComparison.Ordinal));

        Assert.False(VerifiesWithPublicKey(tampered));
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    /// <summary>GCS's V4 check: canonical request from the URL, string to sign, RSA-SHA256 with the public key.</summary>
    private static bool VerifiesWithPublicKey(Uri url)
    {
        var pairs = url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToList();
        var signature = Convert.FromHexString(pairs.Single(p => p[0] == "X-Goog-Signature")[1]);
        var canonicalQuery = string.Join('&', pairs.Where(p => p[0] != "X-Goog-Signature")
            .OrderBy(p => p[0], StringComparer.Ordinal).Select(p => p[0] + "=" + p[1]));
        var canonicalRequest = string.Join('\n',
            "GET", url.AbsolutePath, canonicalQuery, $"host:{url.Host}", "", "host", "UNSIGNED-PAYLOAD");
        var date = HttpUtility.ParseQueryString(url.Query)["X-Goog-Date"]!;
        var stringToSign = string.Join('\n',
            "GOOG4-RSA-SHA256", date, $"{date[..8]}/auto/storage/goog4_request",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        using var publicKey = RSA.Create(TestServiceAccount.Key.ExportParameters(includePrivateParameters: false));
        return publicKey.VerifyData(Encoding.UTF8.GetBytes(stringToSign), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
