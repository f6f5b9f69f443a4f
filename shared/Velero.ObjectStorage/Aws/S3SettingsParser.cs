using System.Net;

namespace Velero.ObjectStorage.Aws;

/// <summary>Turns a validated aws BSL config into <see cref="S3Settings"/>, with velero-plugin-for-aws's checks.</summary>
internal static class S3SettingsParser
{
    private static readonly string[] ChecksumAlgorithms = ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"];

    public static S3Settings Parse(string bucket, BackupStorageLocationConfig location)
    {
        var config = location.Config;
        var s3Url = ConfigKeys.OptionalUrl(config, S3ConfigKeys.S3Url);
        var publicUrl = ConfigKeys.OptionalUrl(config, S3ConfigKeys.PublicUrl);

        var signatureVersion = ConfigKeys.Get(config, S3ConfigKeys.SignatureVersion);
        if (signatureVersion is "1")
        {
            throw Invalid("signatureVersion \"1\" (SigV2) is not supported: AWSSDK.S3 4 signs with SigV4 only; remove the key or set it to \"4\"");
        }

        if (!string.IsNullOrEmpty(signatureVersion) && signatureVersion != "4")
        {
            throw Invalid($"invalid signature version: {signatureVersion}");
        }

        // enableSharedConfig makes the Go SDK read ~/.aws/config; credentials come from the BSL's Secret here,
        // so the key is accepted and has nothing further to switch on.
        _ = ConfigKeys.ParseBool(config, S3ConfigKeys.EnableSharedConfig);

        var kmsKeyId = NullIfEmpty(ConfigKeys.Get(config, S3ConfigKeys.KmsKeyId));
        var keyFile = NullIfEmpty(ConfigKeys.Get(config, S3ConfigKeys.CustomerKeyEncryptionFile));
        var keySecret = NullIfEmpty(ConfigKeys.Get(config, S3ConfigKeys.CustomerKeyEncryptionSecret));
        if (new[] { kmsKeyId, keyFile, keySecret }.Count(v => v is not null) > 1)
        {
            throw Invalid("you can only use one of: kmsKeyId, customerKeyEncryptionFile, or customerKeyEncryptionSecret");
        }

        return new S3Settings
        {
            Bucket = bucket,
            // Without s3Url upstream asks AWS for the bucket's region; we take the configured one (documented).
            Region = NullIfEmpty(ConfigKeys.Get(config, S3ConfigKeys.Region)) ?? S3Settings.DefaultRegion,
            ServiceUrl = s3Url,
            PublicUrl = publicUrl,
            ForcePathStyle = ConfigKeys.ParseBool(config, S3ConfigKeys.S3ForcePathStyle),
            InsecureSkipTlsVerify = ConfigKeys.ParseBool(config, S3ConfigKeys.InsecureSkipTlsVerify),
            CaCertPem = NullIfEmpty(location.CaCert) ?? NullIfEmpty(ConfigKeys.Get(config, S3ConfigKeys.CaCert)),
            Credentials = ReadCredentials(location),
            ServerSideEncryption = NullIfEmpty(ConfigKeys.Get(config, S3ConfigKeys.ServerSideEncryption)),
            KmsKeyId = kmsKeyId,
            CustomerKey = ReadCustomerKey(location, keyFile, keySecret),
            ChecksumAlgorithm = ParseChecksumAlgorithm(config),
            Tags = ParseTagging(ConfigKeys.Get(config, S3ConfigKeys.Tagging)),
        };
    }

    /// <summary>
    /// velero-plugin-for-aws's rule: CRC32 unless the key is set, <c>""</c> disables. Upstream users set
    /// <c>""</c> for S3-compatibles because the SDKs send the checksum as an aws-chunked trailer, which Ceph RGW 16
    /// rejects (XAmzContentSHA256Mismatch, local-infrastructure §4). We never send a trailer: the checksum goes in
    /// an <c>x-amz-checksum-*</c> header over a plain signed body (<see cref="S3Checksum"/>), which Ceph accepts,
    /// so the default can stay upstream's everywhere, s3Url or not.
    /// </summary>
    internal static string? ParseChecksumAlgorithm(IReadOnlyDictionary<string, string> config)
    {
        if (!config.TryGetValue(S3ConfigKeys.ChecksumAlgorithm, out var algorithm))
        {
            return "CRC32";
        }

        if (algorithm.Length == 0)
        {
            return null;
        }

        return ChecksumAlgorithms.Contains(algorithm, StringComparer.Ordinal)
            ? algorithm
            : throw Invalid($"invalid checksum algorithm: {algorithm}");
    }

    /// <summary><c>K1=V1&amp;K2=V2</c>, URL-encoded as S3's <c>x-amz-tagging</c> header is.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> ParseTagging(string? tagging)
    {
        if (string.IsNullOrEmpty(tagging))
        {
            return [];
        }

        var tags = new List<KeyValuePair<string, string>>();
        foreach (var pair in tagging.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            if (string.IsNullOrEmpty(key))
            {
                throw Invalid($"invalid tagging \"{tagging}\": expected K1=V1&K2=V2");
            }

            tags.Add(new(key, equals < 0 ? "" : WebUtility.UrlDecode(pair[(equals + 1)..])));
        }

        return tags;
    }

    private static AwsCredentials? ReadCredentials(BackupStorageLocationConfig location)
    {
        var profile = NullIfEmpty(ConfigKeys.Get(location.Config, S3ConfigKeys.Profile));
        if (location.Credentials is { } content)
        {
            return AwsCredentialsFile.Parse(content.Span, profile);
        }

        // Upstream's server injects credentialsFile as a path; accept a path for callers that materialise the
        // Secret on disk. A small, local, one-off read at creation.
        var path = NullIfEmpty(ConfigKeys.Get(location.Config, S3ConfigKeys.CredentialsFile));
        return path is null ? null : AwsCredentialsFile.Parse(File.ReadAllBytes(path), profile);
    }

    private static byte[]? ReadCustomerKey(BackupStorageLocationConfig location, string? keyFile, string? keySecret)
    {
        byte[]? key = null;
        string source = "";
        if (keyFile is not null)
        {
            if (!File.Exists(keyFile))
            {
                throw Invalid($"provided {S3ConfigKeys.CustomerKeyEncryptionFile} does not exist: {keyFile}");
            }

            (key, source) = (File.ReadAllBytes(keyFile), S3ConfigKeys.CustomerKeyEncryptionFile);
        }
        else if (keySecret is not null)
        {
            key = location.CustomerEncryptionKey?.ToArray() ?? throw Invalid(
                $"{S3ConfigKeys.CustomerKeyEncryptionSecret} is set to \"{keySecret}\" but the caller did not resolve that Secret key");
            source = S3ConfigKeys.CustomerKeyEncryptionSecret;
        }

        // Upstream reads exactly 32 bytes; a longer file would be silently cut there, so refuse it here.
        return key is null || key.Length == 32 ? key : throw Invalid($"the key of {source} must be exactly 32 bytes, got {key.Length}");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ObjectStorageException Invalid(string message) => new(ObjectStorageErrorKind.InvalidConfiguration, message);
}
