using Amazon.Runtime;
using Amazon.S3;

namespace Velero.ObjectStorage.Tests.Integration;

/// <summary>
/// The real Ceph RGW S3 server <c>make test</c> starts, as its environment describes it. These tests never skip:
/// without the server they fail and say how to start it.
/// </summary>
internal static class CephS3
{
    private const string Hint =
        "the object storage integration tests need the real S3 server: run `make test`, or " +
        "`scripts/infra/up.sh --state .local/test --profile test && source .local/test/env` first";

    public static string Url => Require("VELERO_S3_URL");

    public static string AccessKey => Require("VELERO_S3_ACCESS_KEY");

    public static string SecretKey => Require("VELERO_S3_SECRET_KEY");

    /// <summary>A location config on the server, as a user would write it for an S3-compatible store.</summary>
    public static BackupStorageLocationConfig Location(
        string bucket, string? prefix = null, IDictionary<string, string>? config = null, string? secretKey = null, string? url = null)
    {
        var all = new Dictionary<string, string>
        {
            ["region"] = "us-east-1",
            ["s3Url"] = url ?? Url,
            ["s3ForcePathStyle"] = "true",
        };
        foreach (var (key, value) in config ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return new BackupStorageLocationConfig
        {
            Name = "default",
            Provider = "aws",
            Bucket = bucket,
            Prefix = prefix,
            Config = all,
            Credentials = System.Text.Encoding.UTF8.GetBytes(
                $"[default]\naws_access_key_id={AccessKey}\naws_secret_access_key={secretKey ?? SecretKey}\n"),
        };
    }

    /// <summary>A plain SDK client for set-up and for checking what the library wrote.</summary>
    public static AmazonS3Client AdminClient() => new(
        new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonS3Config
        {
            ServiceURL = Url,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: {Hint}");
}
