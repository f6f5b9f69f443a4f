namespace Velero.ObjectStorage.Tests;

public sealed class MessageSanitizerTests
{
    [Theory]
    [InlineData(
        "GET http://127.0.0.1:7480/bucket/backups/x?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAABCDEFGHIJKLMNOP%2F20260101&X-Amz-Signature=abc failed",
        "GET http://127.0.0.1:7480 failed")]
    [InlineData("sig=abcdef&se=2026 expired", "sig=***REDACTED***&se=***REDACTED*** expired")]
    [InlineData("key AKIAABCDEFGHIJKLMNOP rejected", "key ***REDACTED*** rejected")]
    [InlineData("first line\nsecond line with details", "first line")]
    [InlineData(null, "")]
    public void Removes_urls_signatures_and_key_ids(string? message, string expected) =>
        Assert.Equal(expected, MessageSanitizer.Sanitize(message));
}
