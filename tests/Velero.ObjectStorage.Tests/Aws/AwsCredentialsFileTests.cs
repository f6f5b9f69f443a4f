using System.Text;
using Velero.ObjectStorage.Aws;

namespace Velero.ObjectStorage.Tests.Aws;

public sealed class AwsCredentialsFileTests
{
    private const string File = """
        # written by velero install
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = default-secret

        [backup]
        aws_access_key_id=AKIDBACKUP
        aws_secret_access_key=backup/secret+with=equals
        aws_session_token=token-value
        ; comment
        [profile other]
        aws_access_key_id=AKIDOTHER
        aws_secret_access_key=other-secret
        """;

    private static AwsCredentials Parse(string content, string? profile) => AwsCredentialsFile.Parse(Encoding.UTF8.GetBytes(content), profile);

    [Theory]
    [InlineData(null, "AKIDDEFAULT", "default-secret", null)]
    [InlineData("", "AKIDDEFAULT", "default-secret", null)]
    [InlineData("default", "AKIDDEFAULT", "default-secret", null)]
    [InlineData("backup", "AKIDBACKUP", "backup/secret+with=equals", "token-value")]
    [InlineData("other", "AKIDOTHER", "other-secret", null)]
    public void Reads_the_profile_named_by_config(string? profile, string accessKey, string secret, string? token)
    {
        var credentials = Parse(File, profile);

        Assert.Equal(new AwsCredentials(accessKey, secret, token), credentials);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_fine() =>
        Assert.Equal("s", Parse("\uFEFF[default]\r\naws_access_key_id=a\r\naws_secret_access_key=s\r\n", null).SecretAccessKey);

    [Fact]
    public void A_missing_profile_is_a_clear_error_listing_the_profiles_found()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Parse(File, "nope"));

        Assert.Equal(
            "invalid AWS credentials: the credentials file has no profile \"nope\" (profiles found: backup, default, other)", e.Message);
    }

    [Fact]
    public void Missing_keys_are_named_and_values_are_not_echoed()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Parse("[default]\naws_secret_access_key=s3cr3t\n", null));

        Assert.Equal("invalid AWS credentials: profile \"default\" of the credentials file has no aws_access_key_id", e.Message);
        Assert.DoesNotContain("s3cr3t", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_keys_missing_are_both_named()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Parse("[default]\nregion=x\n", null));

        Assert.EndsWith("has no aws_access_key_id and no aws_secret_access_key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_line_is_rejected_without_quoting_it()
    {
        var e = Assert.Throws<ObjectStorageException>(() => Parse("just-a-secret-on-its-own\n", null));

        Assert.DoesNotContain("just-a-secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_ToString_hides_the_keys() =>
        Assert.DoesNotContain("default-secret", Parse(File, null).ToString(), StringComparison.Ordinal);
}
