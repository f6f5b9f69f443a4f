namespace Velero.ObjectStorage.Aws;

/// <summary>A BSL's aws config, parsed and checked as velero-plugin-for-aws's <c>Init</c> does (spec 9.3).</summary>
internal sealed record S3Settings
{
    /// <summary>Used when neither <c>region</c> nor auto-detection gives one; the plugin does the same for s3Url.</summary>
    public const string DefaultRegion = "us-east-1";

    public required string Bucket { get; init; }

    public required string Region { get; init; }

    public Uri? ServiceUrl { get; init; }

    public Uri? PublicUrl { get; init; }

    public bool ForcePathStyle { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string? CaCertPem { get; init; }

    /// <summary>Null: the SDK's default credential chain (environment, web identity, instance metadata), as upstream.</summary>
    public AwsCredentials? Credentials { get; init; }

    public string? ServerSideEncryption { get; init; }

    public string? KmsKeyId { get; init; }

    /// <summary>SSE-C key, 32 bytes.</summary>
    public byte[]? CustomerKey { get; init; }

    /// <summary>Null: no flexible checksum on uploads (S3-compatibles' usual need).</summary>
    public string? ChecksumAlgorithm { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    // Key material stays out of logs.
    public override string ToString() =>
        $"S3Settings {{ Bucket = {Bucket}, Region = {Region}, ServiceUrl = {ServiceUrl}, ForcePathStyle = {ForcePathStyle} }}";
}
