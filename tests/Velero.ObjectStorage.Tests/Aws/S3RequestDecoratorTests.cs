using Amazon.S3;
using Amazon.S3.Model;
using Velero.ObjectStorage.Aws;

namespace Velero.ObjectStorage.Tests.Aws;

public sealed class S3RequestDecoratorTests
{
    private static readonly byte[] Body = "123456789"u8.ToArray();

    private static S3Settings Settings(Dictionary<string, string> config, byte[]? customerKey = null) =>
        S3SettingsParser.Parse("b", new BackupStorageLocationConfig { Provider = "aws", Bucket = "b", Config = config, CustomerEncryptionKey = customerKey });

    [Theory]
    [InlineData("CRC32", "y/Q5Jg==")]
    [InlineData("CRC32C", "4waSgw==")]
    [InlineData("SHA256", "FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=")]
    [InlineData("SHA1", "98O8HYCOBHMq32eZZczDTKeuNEE=")]
    [InlineData("CRC64NVME", "rosUhgp5mIg=")]
    public void Checksums_are_computed_and_sent_as_headers_not_trailers(string algorithm, string expected)
    {
        var decorator = new S3RequestDecorator(Settings(new() { ["checksumAlgorithm"] = algorithm }));
        var put = new PutObjectRequest();
        var part = new UploadPartRequest();

        decorator.Apply(put, Body);
        decorator.Apply(part, Body);

        Assert.Equal(algorithm, put.ChecksumAlgorithm?.Value);
        Assert.Equal(expected, algorithm switch
        {
            "CRC32" => put.ChecksumCRC32,
            "CRC32C" => put.ChecksumCRC32C,
            "CRC64NVME" => put.ChecksumCRC64NVME,
            "SHA1" => put.ChecksumSHA1,
            _ => put.ChecksumSHA256,
        });
        Assert.Equal(expected, algorithm switch
        {
            "CRC32" => part.ChecksumCRC32,
            "CRC32C" => part.ChecksumCRC32C,
            "CRC64NVME" => part.ChecksumCRC64NVME,
            "SHA1" => part.ChecksumSHA1,
            _ => part.ChecksumSHA256,
        });
    }

    [Fact]
    public void An_empty_checksumAlgorithm_sends_none()
    {
        var put = new PutObjectRequest();

        new S3RequestDecorator(Settings(new() { ["checksumAlgorithm"] = "" })).Apply(put, Body);

        Assert.Null(put.ChecksumAlgorithm);
        Assert.Null(put.ChecksumCRC32);
    }

    [Fact]
    public void KmsKeyId_means_aws_kms_and_wins_over_serverSideEncryption()
    {
        var put = new PutObjectRequest();
        var initiate = new InitiateMultipartUploadRequest();
        var decorator = new S3RequestDecorator(Settings(new() { ["kmsKeyId"] = "arn:key", ["serverSideEncryption"] = "AES256" }));

        decorator.Apply(put, Body);
        decorator.Apply(initiate);

        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, put.ServerSideEncryptionMethod);
        Assert.Equal("arn:key", put.ServerSideEncryptionKeyManagementServiceKeyId);
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, initiate.ServerSideEncryptionMethod);
    }

    [Fact]
    public void ServerSideEncryption_is_passed_through()
    {
        var put = new PutObjectRequest();

        new S3RequestDecorator(Settings(new() { ["serverSideEncryption"] = "AES256" })).Apply(put, Body);

        Assert.Equal(ServerSideEncryptionMethod.AES256, put.ServerSideEncryptionMethod);
    }

    [Fact]
    public void A_customer_key_is_sent_on_writes_and_reads()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var decorator = new S3RequestDecorator(Settings(new() { ["customerKeyEncryptionSecret"] = "sse/key" }, key));
        var put = new PutObjectRequest();
        var part = new UploadPartRequest();
        var get = new GetObjectRequest();
        var head = new GetObjectMetadataRequest();

        decorator.Apply(put, Body);
        decorator.Apply(part, Body);
        decorator.Apply(get);
        decorator.Apply(head);

        foreach (var (method, provided) in new[]
                 {
                     (put.ServerSideEncryptionCustomerMethod, put.ServerSideEncryptionCustomerProvidedKey),
                     (part.ServerSideEncryptionCustomerMethod, part.ServerSideEncryptionCustomerProvidedKey),
                     (get.ServerSideEncryptionCustomerMethod, get.ServerSideEncryptionCustomerProvidedKey),
                     (head.ServerSideEncryptionCustomerMethod, head.ServerSideEncryptionCustomerProvidedKey),
                 })
        {
            Assert.Equal(ServerSideEncryptionCustomerMethod.AES256, method);
            Assert.Equal(Convert.ToBase64String(key), provided);
        }

        Assert.Null(put.ServerSideEncryptionMethod);
    }

    [Fact]
    public void Tagging_goes_on_single_puts_and_on_multipart_creation()
    {
        var decorator = new S3RequestDecorator(Settings(new() { ["tagging"] = "team=backup&env=ci" }));
        var put = new PutObjectRequest();
        var initiate = new InitiateMultipartUploadRequest();

        decorator.Apply(put, Body);
        decorator.Apply(initiate);

        Assert.Equal(["team=backup", "env=ci"], put.TagSet!.Select(t => $"{t.Key}={t.Value}"));
        Assert.Equal(["team=backup", "env=ci"], initiate.TagSet!.Select(t => $"{t.Key}={t.Value}"));
    }
}
