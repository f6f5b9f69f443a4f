using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Velero.ObjectStorage.Gcp;

namespace Velero.ObjectStorage.Tests.Gcp;

/// <summary>
/// The velero.io/gcp provider's requests as they leave the client (there is no GCS emulator here): methods, URLs,
/// query parameters, the bearer token signed with the test's service account key, bodies, paging and error mapping.
/// </summary>
public sealed class GcsRequestTests : IDisposable
{
    private const string Bucket = "velero-bkt";
    private const string Api = "https://storage.googleapis.com/storage/v1/b/velero-bkt";

    private readonly RecordingHandler _http = new();

    [Fact]
    public async Task Put_starts_a_resumable_upload_with_the_kms_key_and_sends_the_body_to_the_session_url()
    {
        using var store = Store(new() { ["kmsKeyName"] = "projects/p/locations/l/keyRings/r/cryptoKeys/k" });
        var content = "{\"kind\":\"Backup\"}";
        _http.Respond(HttpStatusCode.OK, "{}", ("Location", "https://storage.googleapis.com/upload/storage/v1/b/velero-bkt/o?uploadType=resumable&upload_id=session-1"))
            .Respond(HttpStatusCode.OK, ObjectJson("backups/b1/velero-backup.json", content));

        await store.PutAsync("backups/b1/velero-backup.json", new MemoryStream(Encoding.UTF8.GetBytes(content)));

        Assert.Equal(2, _http.Requests.Count);
        var start = _http.Requests[0];
        Assert.Equal(HttpMethod.Post, start.Method);
        Assert.Equal("https://storage.googleapis.com/upload/storage/v1/b/velero-bkt/o", start.Url.GetLeftPart(UriPartial.Path));
        Assert.Equal("resumable", start.Query("uploadType"));
        Assert.Equal("projects/p/locations/l/keyRings/r/cryptoKeys/k", start.Query("kmsKeyName"));
        Assert.Equal("backups/b1/velero-backup.json", JsonDocument.Parse(start.BodyText).RootElement.GetProperty("name").GetString());
        AssertSignedBearer(start);

        var upload = _http.Requests[1];
        Assert.Equal(HttpMethod.Put, upload.Method);
        Assert.Equal("session-1", upload.Query("upload_id"));
        Assert.Equal(content, upload.BodyText);
        Assert.Equal($"bytes 0-{content.Length - 1}/{content.Length}", upload.Header("Content-Range"));
    }

    [Fact]
    public async Task Exists_gets_the_objects_metadata_and_a_404_is_false()
    {
        using var store = Store();
        _http.Respond(HttpStatusCode.OK, ObjectJson("backups/b1/velero-backup.json", "x"))
            .Respond(HttpStatusCode.NotFound, ErrorJson(404, "No such object: velero-bkt/backups/b2/velero-backup.json", "notFound"));

        Assert.True(await store.ExistsAsync("backups/b1/velero-backup.json"));
        Assert.False(await store.ExistsAsync("backups/b2/velero-backup.json"));

        Assert.All(_http.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
        Assert.Equal($"{Api}/o/backups%2Fb1%2Fvelero-backup.json", _http.Requests[0].Url.GetLeftPart(UriPartial.Path));
        Assert.Null(_http.Requests[0].Query("alt"));
        AssertSignedBearer(_http.Requests[0]);
    }

    [Fact]
    public async Task Get_streams_alt_media_and_a_missing_object_is_object_not_found()
    {
        using var store = Store();
        _http.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("tar bytes") })
            .Respond(HttpStatusCode.NotFound, "No such object: velero-bkt/backups/b9/b9.tar.gz");

        await using (var body = await store.GetAsync("backups/b1/b1.tar.gz"))
        {
            Assert.Equal("tar bytes", await Streams.ReadAllTextAsync(body));
        }

        var missing = await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.GetAsync("backups/b9/b9.tar.gz"));

        Assert.Equal("backups/b9/b9.tar.gz", missing.Key);
        Assert.Equal(Bucket, missing.Bucket);
        var get = _http.Requests[0];
        Assert.Equal(HttpMethod.Get, get.Method);
        Assert.Equal($"{Api}/o/backups%2Fb1%2Fb1.tar.gz?alt=media", get.Url.AbsoluteUri);
        AssertSignedBearer(get);
    }

    [Fact]
    public async Task Common_prefixes_send_prefix_and_delimiter_and_follow_page_tokens()
    {
        using var store = Store();
        _http.Respond(HttpStatusCode.OK, """{"kind":"storage#objects","prefixes":["backups/b2/"],"nextPageToken":"page-2"}""")
            .Respond(HttpStatusCode.OK, """{"kind":"storage#objects","prefixes":["backups/b1/"],"items":[{"name":"backups/x"}]}""");

        var prefixes = await store.ListCommonPrefixesAsync("backups/", "/");

        Assert.Equal(["backups/b1/", "backups/b2/"], prefixes);
        Assert.Equal(2, _http.Requests.Count);
        Assert.All(_http.Requests, r =>
        {
            Assert.Equal(HttpMethod.Get, r.Method);
            Assert.Equal($"{Api}/o", r.Url.GetLeftPart(UriPartial.Path));
            Assert.Equal("backups/", r.Query("prefix"));
            Assert.Equal("/", r.Query("delimiter"));
        });
        Assert.Null(_http.Requests[0].Query("pageToken"));
        Assert.Equal("page-2", _http.Requests[1].Query("pageToken"));
    }

    [Fact]
    public async Task Keys_are_listed_without_a_delimiter_across_pages()
    {
        using var store = Store();
        _http.Respond(HttpStatusCode.OK, """{"items":[{"name":"backups/a"},{"name":"backups/b"}],"nextPageToken":"t2"}""")
            .Respond(HttpStatusCode.OK, """{"items":[{"name":"backups/c"}]}""");

        Assert.Equal(["backups/a", "backups/b", "backups/c"], await Streams.ToListAsync(store.ListKeysAsync("backups/")));

        Assert.All(_http.Requests, r => Assert.Null(r.Query("delimiter")));
        Assert.Equal("t2", _http.Requests[1].Query("pageToken"));
    }

    [Fact]
    public async Task Delete_sends_delete_and_a_missing_object_is_not_an_error()
    {
        using var store = Store();
        _http.Respond(HttpStatusCode.NoContent).Respond(HttpStatusCode.NotFound, ErrorJson(404, "No such object: velero-bkt/k", "notFound"));

        await store.DeleteAsync("backups/b1/b1.tar.gz");
        await store.DeleteAsync("backups/b1/b1.tar.gz");

        Assert.All(_http.Requests, r =>
        {
            Assert.Equal(HttpMethod.Delete, r.Method);
            Assert.Equal($"{Api}/o/backups%2Fb1%2Fb1.tar.gz", r.Url.GetLeftPart(UriPartial.Path));
        });
    }

    [Fact]
    public async Task Forbidden_is_access_denied_and_a_missing_bucket_is_no_such_bucket_with_messages_free_of_urls()
    {
        using var store = Store();
        _http.Respond(HttpStatusCode.Forbidden, ErrorJson(403, "velero@... does not have storage.objects.list access", "forbidden"))
            .Respond(HttpStatusCode.NotFound, ErrorJson(404, "The specified bucket does not exist.", "notFound"));

        var denied = await Assert.ThrowsAsync<ObjectStorageException>(() => store.ListCommonPrefixesAsync("", "/"));
        var missing = await Assert.ThrowsAsync<ObjectStorageException>(() => store.ListCommonPrefixesAsync("", "/"));

        Assert.Equal(ObjectStorageErrorKind.AccessDenied, denied.Kind);
        Assert.Equal(
            "access denied to bucket \"velero-bkt\" at storage.googleapis.com (forbidden): check the location's credentials and their permissions",
            denied.Message);
        Assert.Equal(ObjectStorageErrorKind.NoSuchBucket, missing.Kind);
        Assert.Equal("bucket \"velero-bkt\" does not exist at storage.googleapis.com (notFound)", missing.Message);
    }

    [Fact]
    public async Task StoreEndpoint_sends_every_request_to_that_endpoint()
    {
        using var store = Store(new() { ["storeEndpoint"] = "storage-example.p.googleapis.com" });
        _http.Respond(HttpStatusCode.OK, ObjectJson("k", "x"));

        Assert.True(await store.ExistsAsync("k"));

        Assert.Equal("https://storage-example.p.googleapis.com/storage/v1/b/velero-bkt/o/k", _http.Requests[0].Url.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public void Store_endpoint_takes_a_host_a_url_or_a_url_with_a_path()
    {
        Assert.Equal("https://storage-example.p.googleapis.com/storage/v1/", GcsSettingsParser.Endpoint("storage-example.p.googleapis.com")!.ToString());
        Assert.Equal("http://127.0.0.1:4443/storage/v1/", GcsSettingsParser.Endpoint("http://127.0.0.1:4443")!.ToString());
        Assert.Equal("https://gw.example/custom/v1/", GcsSettingsParser.Endpoint("https://gw.example/custom/v1")!.ToString());
        Assert.Null(GcsSettingsParser.Endpoint(""));
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    internal IObjectStore Store(Dictionary<string, string>? config = null) =>
        GcsTestStores.Create(_http, TestServiceAccount.Json, config);

    /// <summary>A self-signed JWT (no token endpoint round trip), RS256 with the account's key, for the storage scope.</summary>
    private static void AssertSignedBearer(RecordedRequest request)
    {
        var authorization = request.Header("Authorization");
        Assert.NotNull(authorization);
        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        var parts = authorization["Bearer ".Length..].Split('.');
        Assert.Equal(3, parts.Length);
        Assert.True(TestServiceAccount.Key.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "the bearer token is not signed by the service account key");
        using var header = JsonDocument.Parse(Base64Url(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("0123456789abcdef", header.RootElement.GetProperty("kid").GetString());
        using var payload = JsonDocument.Parse(Base64Url(parts[1]));
        Assert.Equal(TestServiceAccount.Email, payload.RootElement.GetProperty("iss").GetString());
        Assert.Equal(TestServiceAccount.Email, payload.RootElement.GetProperty("sub").GetString());
        Assert.Equal("https://www.googleapis.com/auth/devstorage.read_write", payload.RootElement.GetProperty("scope").GetString());
    }

    private static byte[] Base64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '='));

    private static string ObjectJson(string name, string content) =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kind"] = "storage#object",
            ["bucket"] = Bucket,
            ["name"] = name,
            ["size"] = Encoding.UTF8.GetByteCount(content).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["crc32c"] = Crc32C.Base64(Encoding.UTF8.GetBytes(content)),
        });

    private static string ErrorJson(int code, string message, string reason) =>
        JsonSerializer.Serialize(new
        {
            error = new { code, message, errors = new[] { new { message, domain = "global", reason } } },
        });
}
