using Velero.ObjectStorage.Aws;

namespace Velero.ObjectStorage.Tests.Aws;

public sealed class S3SettingsParserTests
{
    private static readonly byte[] Credentials = "[default]\naws_access_key_id=AKID\naws_secret_access_key=secret\n"u8.ToArray();

    private static S3Settings Parse(Dictionary<string, string> config, ReadOnlyMemory<byte>? customerKey = null) =>
        S3SettingsParser.Parse("bucket", new BackupStorageLocationConfig
        {
            Provider = "aws",
            Bucket = "bucket",
            Config = config,
            Credentials = Credentials,
            CustomerEncryptionKey = customerKey,
        });

    private static string Error(Dictionary<string, string> config, ReadOnlyMemory<byte>? customerKey = null) =>
        Assert.Throws<ObjectStorageException>(() => Parse(config, customerKey)).Message;

    [Fact]
    public void Every_applicable_key_is_read()
    {
        var settings = Parse(new()
        {
            ["region"] = "eu-west-3",
            ["s3Url"] = "https://s3.example.com:9000",
            ["publicUrl"] = "https://public.example.com",
            ["s3ForcePathStyle"] = "true",
            ["insecureSkipTLSVerify"] = "1",
            ["serverSideEncryption"] = "AES256",
            ["tagging"] = "team=backup&env=prod%20eu",
            ["checksumAlgorithm"] = "SHA256",
            ["signatureVersion"] = "4",
            ["enableSharedConfig"] = "true",
            ["profile"] = "default",
        });

        Assert.Equal("eu-west-3", settings.Region);
        Assert.Equal(new Uri("https://s3.example.com:9000"), settings.ServiceUrl);
        Assert.Equal(new Uri("https://public.example.com"), settings.PublicUrl);
        Assert.True(settings.ForcePathStyle);
        Assert.True(settings.InsecureSkipTlsVerify);
        Assert.Equal("AES256", settings.ServerSideEncryption);
        Assert.Equal([new("team", "backup"), new("env", "prod eu")], settings.Tags);
        Assert.Equal("SHA256", settings.ChecksumAlgorithm);
        Assert.Equal("AKID", settings.Credentials?.AccessKeyId);
    }

    [Fact]
    public void Region_defaults_to_us_east_1() => Assert.Equal("us-east-1", Parse(new() { ["s3Url"] = "http://h:1" }).Region);

    [Theory]
    [InlineData(null, null, "CRC32")]
    [InlineData(null, "http://ceph:7480", "CRC32")]
    [InlineData("", null, null)]
    [InlineData("", "http://ceph:7480", null)]
    [InlineData("CRC32C", null, "CRC32C")]
    [InlineData("CRC64NVME", null, "CRC64NVME")]
    [InlineData("SHA1", null, "SHA1")]
    [InlineData("SHA256", "http://ceph:7480", "SHA256")]
    public void Checksum_defaults_to_CRC32_as_upstream_and_empty_disables_it(string? configured, string? s3Url, string? expected)
    {
        var config = new Dictionary<string, string>();
        if (configured is not null)
        {
            config["checksumAlgorithm"] = configured;
        }

        if (s3Url is not null)
        {
            config["s3Url"] = s3Url;
        }

        Assert.Equal(expected, Parse(config).ChecksumAlgorithm);
    }

    [Fact]
    public void An_unknown_checksum_algorithm_is_rejected_with_upstreams_message() =>
        Assert.Equal("invalid checksum algorithm: MD4", Error(new() { ["checksumAlgorithm"] = "MD4" }));

    [Fact]
    public void Signature_version_1_is_a_clear_error() =>
        Assert.StartsWith("signatureVersion \"1\" (SigV2) is not supported", Error(new() { ["signatureVersion"] = "1" }), StringComparison.Ordinal);

    [Fact]
    public void Other_signature_versions_are_invalid() =>
        Assert.Equal("invalid signature version: 3", Error(new() { ["signatureVersion"] = "3" }));

    [Theory]
    [InlineData("s3Url", "ftp://x")]
    [InlineData("s3Url", "s3.example.com")]
    [InlineData("publicUrl", "example.com:9000")]
    public void Urls_must_start_with_http_or_https(string key, string value) =>
        Assert.Equal($"{key} must start with http:// or https://", Error(new() { [key] = value }));

    [Fact]
    public void A_url_with_credentials_in_it_is_not_echoed_in_the_error() =>
        Assert.DoesNotContain("hunter2", Error(new() { ["s3Url"] = "ftp://user:hunter2@x" }), StringComparison.Ordinal);

    [Fact]
    public void Booleans_parse_as_Go_does() =>
        Assert.Equal("could not parse s3ForcePathStyle (expected bool)", Error(new() { ["s3ForcePathStyle"] = "yes" }));

    [Fact]
    public void Only_one_SSE_method_is_allowed() =>
        Assert.Equal(
            "you can only use one of: kmsKeyId, customerKeyEncryptionFile, or customerKeyEncryptionSecret",
            Error(new() { ["kmsKeyId"] = "k", ["customerKeyEncryptionSecret"] = "s/k" }));

    [Fact]
    public void A_customer_key_secret_must_be_resolved_by_the_caller()
    {
        Assert.Contains("did not resolve", Error(new() { ["customerKeyEncryptionSecret"] = "sse/key" }), StringComparison.Ordinal);

        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        Assert.Equal(key, Parse(new() { ["customerKeyEncryptionSecret"] = "sse/key" }, key).CustomerKey);
    }

    [Fact]
    public void A_customer_key_must_be_exactly_32_bytes() =>
        Assert.Equal(
            "the key of customerKeyEncryptionSecret must be exactly 32 bytes, got 64",
            Error(new() { ["customerKeyEncryptionSecret"] = "sse/key" }, new byte[64]));

    [Fact]
    public void A_missing_customer_key_file_is_named() =>
        Assert.Equal(
            "provided customerKeyEncryptionFile does not exist: /nonexistent/key",
            Error(new() { ["customerKeyEncryptionFile"] = "/nonexistent/key" }));

    [Theory]
    [InlineData("=v")]
    [InlineData("a=1&&b=2")]
    public void Malformed_tagging_is_rejected(string tagging) =>
        Assert.StartsWith("invalid tagging", Error(new() { ["tagging"] = tagging }), StringComparison.Ordinal);

    [Fact]
    public void The_profile_key_picks_the_credentials_section() =>
        Assert.Equal(
            "invalid AWS credentials: the credentials file has no profile \"backup\" (profiles found: default)",
            Error(new() { ["profile"] = "backup" }));

    [Fact]
    public void A_bad_caCert_is_rejected_when_the_client_is_built()
    {
        var settings = Parse(new() { ["s3Url"] = "https://h:1" }) with { CaCertPem = "not a certificate" };

        Assert.Equal("caCert holds no PEM certificate", Assert.Throws<ObjectStorageException>(() => S3ClientBuilder.Build(settings, settings.ServiceUrl)).Message);
    }
}
