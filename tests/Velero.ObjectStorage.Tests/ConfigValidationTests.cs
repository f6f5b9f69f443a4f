namespace Velero.ObjectStorage.Tests;

public sealed class ConfigValidationTests
{
    private static readonly ObjectStoreFactory Factory = new();

    private static BackupStorageLocationConfig Aws(Dictionary<string, string> config, string bucket = "bucket") => new()
    {
        Provider = "aws",
        Bucket = bucket,
        Config = config,
    };

    [Fact]
    public void Unknown_aws_config_keys_fail_with_upstreams_message_listing_valid_keys_in_plugin_order()
    {
        var e = Assert.Throws<ObjectStorageException>(() =>
            Factory.CreateStore(Aws(new() { ["region"] = "us-east-1", ["zeta"] = "1", ["alpha"] = "2" })));

        Assert.Equal(ObjectStorageErrorKind.InvalidConfiguration, e.Kind);
        Assert.Equal(
            "config has invalid keys [alpha zeta]; valid keys are [region s3Url publicUrl kmsKeyId customerKeyEncryptionFile " +
            "customerKeyEncryptionSecret s3ForcePathStyle signatureVersion credentialsFile profile serverSideEncryption " +
            "insecureSkipTLSVerify enableSharedConfig tagging checksumAlgorithm bucket prefix caCert]",
            e.Message);
    }

    [Fact]
    public void Unknown_fs_config_keys_fail_with_the_fs_key_list()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Factory.CreateStore(new BackupStorageLocationConfig
        {
            Provider = "velero.io/fs",
            Bucket = "b",
            Config = new Dictionary<string, string> { ["path"] = "/tmp/x", ["region"] = "r" },
        }));

        Assert.Equal("config has invalid keys [region]; valid keys are [path fspath credentialsFile bucket prefix caCert]", e.Message);
    }

    [Fact]
    public void Implicit_keys_injected_by_the_server_are_always_valid()
    {
        using var store = Factory.CreateStore(Aws(new()
        {
            ["bucket"] = "bucket",
            ["prefix"] = "p",
            ["caCert"] = "",
            ["credentialsFile"] = "",
            ["region"] = "us-east-1",
        }));

        Assert.Equal("bucket", store.Bucket);
    }

    [Theory]
    [InlineData("aws", "velero.io/aws")]
    [InlineData("velero.io/aws", "velero.io/aws")]
    [InlineData("fs", "velero.io/fs")]
    [InlineData("velero.io/fs", "velero.io/fs")]
    [InlineData("example.com/thing", "example.com/thing")]
    public void Provider_names_without_a_namespace_get_velero_io(string provider, string expected) =>
        Assert.Equal(expected, ProviderNames.Normalize(provider));

    [Fact]
    public void Unknown_provider_is_rejected_naming_the_supported_ones()
    {
        var e = Assert.Throws<ObjectStorageException>(() =>
            Factory.CreateStore(new BackupStorageLocationConfig { Provider = "alibabacloud", Bucket = "b" }));

        Assert.Equal(
            "object storage provider \"alibabacloud\" is not supported; supported providers are [velero.io/aws velero.io/azure velero.io/fs velero.io/gcp]",
            e.Message);
    }

    [Fact]
    public void Empty_provider_is_rejected_with_upstreams_message()
    {
        var e = Assert.Throws<ObjectStorageException>(() =>
            Factory.CreateStore(new BackupStorageLocationConfig { Provider = "", Bucket = "b" }));

        Assert.Equal("object storage provider name must not be empty", e.Message);
    }

    [Theory]
    [InlineData("bucket", "bucket")]
    [InlineData("/bucket/", "bucket")]
    [InlineData("//bucket", "bucket")]
    [InlineData("arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap", "arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap")]
    public void Buckets_are_trimmed_of_slashes(string bucket, string expected)
    {
        using var store = Factory.CreateStore(Aws(new() { ["region"] = "us-east-1" }, bucket));

        Assert.Equal(expected, store.Bucket);
    }

    [Fact]
    public void A_slash_inside_the_bucket_is_rejected_with_upstreams_message_quoting_it_as_written()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Factory.CreateStore(Aws([], "/bucket/prefix/")));

        Assert.Equal(
            "backup storage location's bucket name \"/bucket/prefix/\" must not contain a '/' (if using a prefix, put it in the 'Prefix' field instead)",
            e.Message);
    }

    [Fact]
    public void An_empty_bucket_is_rejected() =>
        Assert.Throws<ObjectStorageException>(() => Factory.CreateStore(Aws([], "/")));

    [Theory]
    [InlineData(null, "", "")]
    [InlineData("", "", "")]
    [InlineData("/", "", "")]
    [InlineData("team-a", "team-a", "team-a/")]
    [InlineData("/team-a/velero/", "team-a/velero", "team-a/velero/")]
    public void Prefix_is_trimmed_and_gives_the_root(string? prefix, string expectedPrefix, string expectedRoot)
    {
        using var location = Factory.Create(new BackupStorageLocationConfig
        {
            Provider = "aws",
            Bucket = "b",
            Prefix = prefix,
            Config = new Dictionary<string, string> { ["region"] = "us-east-1" },
        });

        Assert.Equal(expectedPrefix, location.Prefix);
        Assert.Equal(expectedRoot, location.Root);
        Assert.Equal(expectedRoot + "backups/b1/velero-backup.json", location.KeyFor("backups/b1/velero-backup.json"));
    }

    [Fact]
    public void Config_ToString_never_shows_credentials()
    {
        var config = new BackupStorageLocationConfig
        {
            Provider = "aws",
            Bucket = "b",
            Credentials = "[default]\naws_secret_access_key=very-secret"u8.ToArray(),
        };

        Assert.DoesNotContain("very-secret", config.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Credentials", config.ToString(), StringComparison.Ordinal);
    }
}
