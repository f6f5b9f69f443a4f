using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Testing;

namespace Velero.Integration.Tests.Support;

/// <summary>The test Ceph S3 server as a cluster's Velero sees it: a client for the test to look in, and the credentials Secret.</summary>
internal static class CephStorage
{
    public static AmazonS3Client Client() => new(new BasicAWSCredentials(TestInfrastructure.S3AccessKey, TestInfrastructure.S3SecretKey),
        new AmazonS3Config
        {
            ServiceURL = TestInfrastructure.S3Url,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    /// <summary>The <c>cloud-credentials</c> Secret <c>velero install --secret-file</c> creates, in the AWS shared-credentials format.</summary>
    public static Task<V1Secret> CreateCredentialsSecretAsync(IKubernetes client, string veleroNamespace = "velero") =>
        client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "cloud-credentials", NamespaceProperty = veleroNamespace },
            Data = new Dictionary<string, byte[]>
            {
                ["cloud"] = Encoding.UTF8.GetBytes(
                    $"[default]\naws_access_key_id={TestInfrastructure.S3AccessKey}\naws_secret_access_key={TestInfrastructure.S3SecretKey}\n"),
            },
        }, veleroNamespace);

    /// <summary>
    /// A BackupStorageLocation on a bucket of the test Ceph server, as <c>velero backup-location create --provider aws
    /// --config region=us-east-1,s3Url=...,s3ForcePathStyle=true</c> makes it.
    /// </summary>
    public static BackupStorageLocation Location(string name, string bucket, string prefix, bool isDefault = false,
        string veleroNamespace = "velero") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = veleroNamespace },
        Spec = new BackupStorageLocationSpec
        {
            Provider = "aws",
            Default = isDefault,
            ObjectStorage = new ObjectStorageLocation { Bucket = bucket, Prefix = prefix },
            Config = new Dictionary<string, string>
            {
                ["region"] = "us-east-1",
                ["s3Url"] = TestInfrastructure.S3Url,
                ["s3ForcePathStyle"] = "true",
            },
        },
    };
}
