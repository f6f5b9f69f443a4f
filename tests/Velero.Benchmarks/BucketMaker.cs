using Amazon.Runtime;
using Amazon.S3;
using Velero.Testing;

namespace Velero.Benchmarks;

/// <summary>Creates the benchmark's bucket on the test S3 server.</summary>
internal static class BucketMaker
{
    public static async Task CreateAsync(string bucket)
    {
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(TestInfrastructure.S3AccessKey, TestInfrastructure.S3SecretKey),
            new AmazonS3Config { ServiceURL = TestInfrastructure.S3Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await s3.PutBucketAsync(bucket);
    }
}
