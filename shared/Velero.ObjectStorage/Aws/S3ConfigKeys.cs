namespace Velero.ObjectStorage.Aws;

/// <summary>The velero-plugin-for-aws BSL config keys (spec 9.3), in the plugin's order, which its error shows.</summary>
internal static class S3ConfigKeys
{
    public const string Region = "region";
    public const string S3Url = "s3Url";
    public const string PublicUrl = "publicUrl";
    public const string KmsKeyId = "kmsKeyId";
    public const string CustomerKeyEncryptionFile = "customerKeyEncryptionFile";
    public const string CustomerKeyEncryptionSecret = "customerKeyEncryptionSecret";
    public const string S3ForcePathStyle = "s3ForcePathStyle";
    public const string SignatureVersion = "signatureVersion";
    public const string CredentialsFile = "credentialsFile";
    public const string Profile = "profile";
    public const string ServerSideEncryption = "serverSideEncryption";
    public const string InsecureSkipTlsVerify = "insecureSkipTLSVerify";
    public const string EnableSharedConfig = "enableSharedConfig";
    public const string Tagging = "tagging";
    public const string ChecksumAlgorithm = "checksumAlgorithm";
    public const string CaCert = "caCert";

    public static readonly IReadOnlyList<string> All =
    [
        Region, S3Url, PublicUrl, KmsKeyId, CustomerKeyEncryptionFile, CustomerKeyEncryptionSecret, S3ForcePathStyle,
        SignatureVersion, CredentialsFile, Profile, ServerSideEncryption, InsecureSkipTlsVerify, EnableSharedConfig,
        Tagging, ChecksumAlgorithm,
    ];
}
