using System.Text.RegularExpressions;

namespace Velero.ObjectStorage;

/// <summary>
/// Scrubs text that came from outside our own messages (an unexpected exception's message) before it reaches a
/// status, a log or an event: upstream's <c>sanitizeStorageError</c> does the same for SAS tokens. URLs lose their
/// path and query (a pre-signed URL is a credential), signing parameters and access key ids are redacted.
/// </summary>
public static partial class MessageSanitizer
{
    private const string Redacted = "***REDACTED***";

    public static string Sanitize(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return "";
        }

        var text = UrlPattern().Replace(message, m => m.Groups["origin"].Value);
        text = SigningParameterPattern().Replace(text, m => m.Groups["name"].Value + "=" + Redacted);
        text = AccessKeyIdPattern().Replace(text, Redacted);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return (newline >= 0 ? text[..newline] : text).Trim();
    }

    [GeneratedRegex(@"(?<origin>[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s?#""'<>]+)[^\s""'<>]*")]
    private static partial Regex UrlPattern();

    // AWS SigV4 query auth and Azure SAS parameters.
    [GeneratedRegex(@"(?<name>X-Amz-[A-Za-z-]+|sig|se|st|sp|spr|sv|sr|sip|srt|ss|AWSAccessKeyId|Signature)=[^&\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex SigningParameterPattern();

    [GeneratedRegex(@"\b(AKIA|ASIA)[A-Z0-9]{12,}\b")]
    private static partial Regex AccessKeyIdPattern();
}
