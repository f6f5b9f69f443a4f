using Amazon.S3;
using Amazon.S3.Model;

namespace Velero.ObjectStorage.Aws;

/// <summary>
/// What every write (and, for SSE-C, every read) carries, as velero-plugin-for-aws's PutObject sets it: SSE with
/// kmsKeyId first (then <c>aws:kms</c>), else SSE-C, else <c>serverSideEncryption</c>; the checksum algorithm;
/// the tagging.
/// </summary>
internal sealed class S3RequestDecorator(S3Settings settings)
{
    private readonly string? _customerKey = settings.CustomerKey is null ? null : Convert.ToBase64String(settings.CustomerKey);

    public ChecksumAlgorithm? Checksum { get; } =
        settings.ChecksumAlgorithm is null ? null : ChecksumAlgorithm.FindValue(settings.ChecksumAlgorithm);

    public void Apply(PutObjectRequest request, ArraySegment<byte> body)
    {
        request.ServerSideEncryptionMethod = EncryptionMethod();
        request.ServerSideEncryptionKeyManagementServiceKeyId = settings.KmsKeyId;
        if (_customerKey is not null)
        {
            request.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
            request.ServerSideEncryptionCustomerProvidedKey = _customerKey;
        }

        request.ChecksumAlgorithm = Checksum;
        if (Checksum is not null)
        {
            S3Checksum.Set(request, Checksum, body);
        }

        request.TagSet = Tags();
    }

    public void Apply(InitiateMultipartUploadRequest request)
    {
        request.ServerSideEncryptionMethod = EncryptionMethod();
        request.ServerSideEncryptionKeyManagementServiceKeyId = settings.KmsKeyId;
        if (_customerKey is not null)
        {
            request.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
            request.ServerSideEncryptionCustomerProvidedKey = _customerKey;
        }

        request.ChecksumAlgorithm = Checksum;
        request.TagSet = Tags();
    }

    public void Apply(UploadPartRequest request, ArraySegment<byte> body)
    {
        if (_customerKey is not null)
        {
            request.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
            request.ServerSideEncryptionCustomerProvidedKey = _customerKey;
        }

        request.ChecksumAlgorithm = Checksum;
        if (Checksum is not null)
        {
            S3Checksum.Set(request, Checksum, body);
        }
    }

    public void Apply(GetObjectRequest request)
    {
        if (_customerKey is not null)
        {
            request.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
            request.ServerSideEncryptionCustomerProvidedKey = _customerKey;
        }
    }

    public void Apply(GetObjectMetadataRequest request)
    {
        if (_customerKey is not null)
        {
            request.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
            request.ServerSideEncryptionCustomerProvidedKey = _customerKey;
        }
    }

    public void Apply(GetPreSignedUrlRequest request)
    {
        if (_customerKey is not null)
        {
            request.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
        }
    }

    private ServerSideEncryptionMethod? EncryptionMethod() => settings switch
    {
        { KmsKeyId: not null } => ServerSideEncryptionMethod.AWSKMS,
        { CustomerKey: not null } => null,
        { ServerSideEncryption: { } method } => ServerSideEncryptionMethod.FindValue(method),
        _ => null,
    };

    private List<Tag>? Tags() =>
        settings.Tags.Count == 0 ? null : [.. settings.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value })];
}
