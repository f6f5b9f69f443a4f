namespace Velero.ObjectStorage.Aws;

/// <summary>One profile of an AWS shared-credentials file. <see cref="ToString"/> never shows the secrets.</summary>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    public override string ToString() => "AwsCredentials { AccessKeyId = ***, SecretAccessKey = *** }";
}
