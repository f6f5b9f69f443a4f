using System.Text.Json;

namespace Velero.ObjectStorage.Tests.Gcp;

/// <summary>velero-plugin-for-gcp's config keys and credential checks, messages included; no key material in any message.</summary>
public sealed class GcsConfigTests : IDisposable
{
    private readonly RecordingHandler _http = new();

    [Fact]
    public void Unknown_config_keys_are_rejected_listing_the_plugins_keys_in_its_order()
    {
        var e = Assert.Throws<ObjectStorageException>(() =>
            GcsTestStores.Create(_http, TestServiceAccount.Json, new() { ["region"] = "eu", ["serviceAccount"] = "sa@p.iam.gserviceaccount.com" }));

        Assert.Equal(ObjectStorageErrorKind.InvalidConfiguration, e.Kind);
        Assert.Equal(
            "config has invalid keys [region]; valid keys are [kmsKeyName serviceAccount credentialsFile storeEndpoint universeDomain bucket prefix caCert]",
            e.Message);
    }

    [Theory]
    [InlineData("gcp")]
    [InlineData("velero.io/gcp")]
    public void Both_provider_spellings_select_gcs(string provider)
    {
        using var store = new ObjectStoreFactory().CreateStore(new BackupStorageLocationConfig
        {
            Provider = provider,
            Bucket = "b",
            Credentials = System.Text.Encoding.UTF8.GetBytes(TestServiceAccount.Json),
        });

        Assert.Equal(ObjectStorage.ProviderNames.Gcp, store.Provider);
    }

    [Fact]
    public void Without_a_key_workload_identity_needs_serviceAccount_as_upstream_says()
    {
        var e = Assert.Throws<ObjectStorageException>(() => GcsTestStores.Create(_http, credentialsJson: null));

        Assert.Equal("serviceAccount is expected to be provided as an item in BackupStorageLocation's config", e.Message);
    }

    [Fact]
    public void GOOGLE_APPLICATION_CREDENTIALS_names_the_key_file_when_the_location_has_no_credential()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, TestServiceAccount.Json);
            using var store = GcsTestStores.Create(_http, credentialsJson: null, variables: v => v == "GOOGLE_APPLICATION_CREDENTIALS" ? path : null);
            Assert.Equal("velero-bkt", store.Bucket);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_credentials_file_that_cannot_be_read_names_the_path()
    {
        var e = Assert.Throws<ObjectStorageException>(() =>
            GcsTestStores.Create(_http, credentialsJson: null, new() { ["credentialsFile"] = "/nonexistent/key.json" }));

        Assert.Equal("error reading provided credentials file /nonexistent/key.json: DirectoryNotFoundException", e.Message);
    }

    [Theory]
    [InlineData("not json", "error parsing credentials file; should be JSON")]
    [InlineData("{\"client_email\":\"a@b\"}", "the credentials JSON has no \"type\" (expected service_account or external_account)")]
    [InlineData("{\"type\":\"service_account\",\"private_key\":\"x\"}", "credentials file pointed to by GOOGLE_APPLICATION_CREDENTIALS does not contain an email")]
    [InlineData("{\"type\":\"service_account\",\"client_email\":\"a@b\"}", "credentials file pointed to by GOOGLE_APPLICATION_CREDENTIALS does not contain a private key")]
    [InlineData("{\"type\":\"service_account\",\"client_email\":\"a@b\",\"private_key\":\"SECRET-NOT-PEM\"}", "the private_key of the service account key is not a PEM RSA private key")]
    public void Bad_credentials_are_invalid_configuration_without_echoing_them(string json, string message)
    {
        var e = Assert.Throws<ObjectStorageException>(() => GcsTestStores.Create(_http, json));

        Assert.Equal(ObjectStorageErrorKind.InvalidConfiguration, e.Kind);
        Assert.Equal(message, e.Message);
        Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_account_credentials_work_but_cannot_sign_urls_as_upstream()
    {
        var json = JsonSerializer.Serialize(new
        {
            type = "external_account",
            audience = "//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/q",
            subject_token_type = "urn:ietf:params:oauth:token-type:jwt",
            token_url = "https://sts.googleapis.com/v1/token",
            credential_source = new { file = "/var/run/secrets/token" },
        });
        using var store = GcsTestStores.Create(_http, json);

        var e = await Assert.ThrowsAsync<NotSupportedException>(() => store.CreateSignedUrlAsync("k", TimeSpan.FromMinutes(1)));

        Assert.Equal("GoogleAccessID is empty, perhaps using external_account credentials, cannot create signed URL", e.Message);
        Assert.Empty(_http.Requests);
    }

    public void Dispose()
    {
        _http.Dispose();
    }
}
