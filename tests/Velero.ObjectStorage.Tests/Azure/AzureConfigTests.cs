using System.Text;
using Velero.ObjectStorage.Azure;

namespace Velero.ObjectStorage.Tests.Azure;

/// <summary>
/// velero-plugin-for-microsoft-azure's config keys, credential file and auth choice, messages included. Creating a
/// store talks to no server, so these run without Azurite (the Azurite tests are in Velero.Integration.Tests).
/// </summary>
public sealed class AzureConfigTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly ObjectStoreFactory Factory = new();

    [Fact]
    public void Unknown_config_keys_are_rejected_listing_the_plugins_keys_in_its_order()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Factory.CreateStore(Location(new() { ["storageAccount"] = "acct", ["region"] = "x" })));

        Assert.Equal(
            "config has invalid keys [region]; valid keys are [resourceGroup storageAccount subscriptionId blockSizeInBytes activeDirectoryAuthorityURI storageAccountURI useAAD storageAccountKeyEnvVar credentialsFile bucket prefix caCert]",
            e.Message);
    }

    [Theory]
    [InlineData("azure")]
    [InlineData("velero.io/azure")]
    public void Both_provider_spellings_select_azure_and_the_default_endpoint_is_the_public_clouds(string provider)
    {
        using var store = Factory.CreateStore(Location(KeyConfig(), provider: provider));

        Assert.Equal(ProviderNames.Azure, store.Provider);
        Assert.Equal("https://acct.blob.core.windows.net/", AzureSettingsParser.Parse("c", Location(KeyConfig())).ServiceUri.ToString());
    }

    [Fact]
    public void StorageAccount_is_required()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Factory.CreateStore(Location(new() { ["resourceGroup"] = "rg" })));

        Assert.Equal("storageAccount is required in BSL", e.Message);
    }

    [Fact]
    public void The_key_comes_from_the_credentials_variable_storageAccountKeyEnvVar_names()
    {
        var settings = AzureSettingsParser.Parse("c", Location(KeyConfig(), $"# comment\nexport AZURE_CLOUD_NAME=AzureChinaCloud\nMY_KEY=\"{Key}\"\n"));

        Assert.Equal(Key, settings.AccountKey);
        Assert.Null(settings.TokenCredential);
        Assert.Equal("https://acct.blob.core.chinacloudapi.cn/", settings.ServiceUri.ToString());
    }

    [Fact]
    public void A_missing_key_variable_fails_with_upstreams_message()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Factory.CreateStore(Location(KeyConfig(), "AZURE_CLOUD_NAME=AzurePublicCloud\n")));

        Assert.Equal("no storage account access key with key MY_KEY found in credential", e.Message);
    }

    [Fact]
    public void Without_a_key_or_useAAD_the_error_says_what_to_set_since_we_do_not_call_resource_manager()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Factory.CreateStore(Location(new() { ["storageAccount"] = "acct", ["resourceGroup"] = "rg" })));

        Assert.StartsWith("set storageAccountKeyEnvVar (the credentials file variable holding the storage account access key) or useAAD=\"true\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseAAD_with_a_service_principal_makes_a_token_credential_and_needs_the_tenant()
    {
        var config = new Dictionary<string, string> { ["storageAccount"] = "acct", ["useAAD"] = "true", ["storageAccountURI"] = "https://acct.blob.core.usgovcloudapi.net" };

        var settings = AzureSettingsParser.Parse("c", Location(config, "AZURE_TENANT_ID=t\nAZURE_CLIENT_ID=c\nAZURE_CLIENT_SECRET=s3cr3t\n"));
        var missingTenant = Assert.Throws<ObjectStorageException>(() => AzureSettingsParser.Parse("c", Location(config, "AZURE_CLIENT_ID=c\nAZURE_CLIENT_SECRET=s3cr3t\n")));

        Assert.IsType<global::Azure.Identity.ClientSecretCredential>(settings.TokenCredential);
        Assert.Null(settings.AccountKey);
        Assert.Equal("https://acct.blob.core.usgovcloudapi.net/", settings.ServiceUri.ToString());
        Assert.Equal("AZURE_TENANT_ID is required", missingTenant.Message);
    }

    [Fact]
    public void UseAAD_without_a_service_principal_is_workload_identity_when_a_federated_token_file_is_set_else_managed_identity()
    {
        var config = new Dictionary<string, string> { ["storageAccount"] = "acct", ["useAAD"] = "true" };
        var credentials = "AZURE_CLIENT_ID=c\nAZURE_TENANT_ID=t\n";

        var workload = AzureSettingsParser.Parse("c", Location(config, credentials), v => v == "AZURE_FEDERATED_TOKEN_FILE" ? "/var/run/token" : null);
        var managed = AzureSettingsParser.Parse("c", Location(config, credentials), _ => null);

        Assert.IsType<global::Azure.Identity.WorkloadIdentityCredential>(workload.TokenCredential);
        Assert.IsType<global::Azure.Identity.ManagedIdentityCredential>(managed.TokenCredential);
    }

    [Theory]
    [InlineData("useAAD", "yes", "failed to parse bool from useAAD string: yes")]
    [InlineData("storageAccountURI", "acct.blob.core.windows.net", "storageAccountURI must start with http:// or https://")]
    [InlineData("activeDirectoryAuthorityURI", "login.example", "activeDirectoryAuthorityURI must start with http:// or https://")]
    public void Bad_values_are_rejected(string key, string value, string message)
    {
        var config = new Dictionary<string, string> { ["storageAccount"] = "acct", ["useAAD"] = "true", [key] = value };

        var e = Assert.Throws<ObjectStorageException>(() => AzureSettingsParser.Parse("c", Location(config, "AZURE_CLIENT_ID=c\n"), _ => null));

        Assert.Equal(ObjectStorageErrorKind.InvalidConfiguration, e.Kind);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void An_unknown_cloud_name_is_rejected_as_upstream()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Factory.CreateStore(Location(KeyConfig(), $"AZURE_CLOUD_NAME=Mars\nMY_KEY={Key}\n")));

        Assert.Equal("unknown cloud: Mars", e.Message);
    }

    [Theory]
    [InlineData(null, 1048576)]
    [InlineData("4194304", 4194304)]
    [InlineData("0", 1048576)]
    [InlineData("-5", 1048576)]
    [InlineData("lots", 1048576)]
    [InlineData("999999999999", 104857600)]
    public void BlockSizeInBytes_falls_back_or_clamps_as_upstream_does(string? value, int expected)
    {
        var config = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["blockSizeInBytes"] = value };

        Assert.Equal(expected, AzureSettingsParser.BlockSize(config));
    }

    [Fact]
    public void A_credentials_line_that_is_not_key_value_is_reported_by_line_number_without_its_content()
    {
        var e = Assert.Throws<ObjectStorageException>(() => AzureCredentialsFile.Parse(Encoding.UTF8.GetBytes("A=1\nSECRETVALUE\n")));

        Assert.Equal("invalid Azure credentials file: line 2 is not KEY=value", e.Message);
    }

    [Fact]
    public void The_credentials_file_reads_quotes_comments_and_export()
    {
        var values = AzureCredentialsFile.Parse(Encoding.UTF8.GetBytes("\uFEFF# c\nexport A=1\nB='two words'\nC=\"x\\ny\"\nD=plain # trailing\nE=\n"));

        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "two words", ["C"] = "x\ny", ["D"] = "plain", ["E"] = "" }, values);
    }

    [Fact]
    public void AZURE_CREDENTIALS_FILE_is_read_when_the_location_names_no_credential()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, $"MY_KEY={Key}\n");
            var settings = AzureSettingsParser.Parse("c", Location(KeyConfig()) with { Credentials = null }, v => v == "AZURE_CREDENTIALS_FILE" ? path : null);
            Assert.Equal(Key, settings.AccountKey);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Dictionary<string, string> KeyConfig() => new() { ["storageAccount"] = "acct", ["storageAccountKeyEnvVar"] = "MY_KEY" };

    private static BackupStorageLocationConfig Location(Dictionary<string, string> config, string? credentials = null, string provider = "azure") => new()
    {
        Provider = provider,
        Bucket = "c",
        Config = config,
        Credentials = Encoding.UTF8.GetBytes(credentials ?? $"MY_KEY={Key}\n"),
    };
}
