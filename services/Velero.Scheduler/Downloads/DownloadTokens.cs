using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Velero.Scheduler.Downloads;

/// <summary>
/// Issues and checks the tokens of <c>/downloads/</c> URLs: the grant as base64url JSON, a dot, and its HMAC-SHA256.
/// The grant is readable by its bearer (a location name and a key, nothing secret); only the signature is secret,
/// and it is never logged.
/// </summary>
internal sealed class DownloadTokens
{
    private const int MinimumKeyBytes = 32;
    private readonly byte[] _key;

    public DownloadTokens(IOptions<DownloadOptions> options)
        : this(KeyOf(options.Value.SigningKey))
    {
    }

    public DownloadTokens(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, MinimumKeyBytes);
        _key = key;
    }

    public string Issue(DownloadGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            grant.ClusterId, grant.Namespace, grant.Location, grant.Key,
            grant.Expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        });
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The grant of a token this process's key signed, or the reason it is refused (bad signature, expired).</summary>
    public (DownloadGrant? Grant, string? Refusal) Read(string token, DateTimeOffset now)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        byte[] payload;
        byte[] mac;
        try
        {
            payload = dot > 0 ? Base64Url.DecodeFromChars(token.AsSpan(0, dot)) : [];
            mac = dot > 0 ? Base64Url.DecodeFromChars(token.AsSpan(dot + 1)) : [];
        }
        catch (FormatException)
        {
            return (null, "invalid download token");
        }

        if (payload.Length == 0 || !CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            return (null, "invalid download token");
        }

        var fields = JsonSerializer.Deserialize<string[]>(payload);
        if (fields is not { Length: 5 } || !long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (null, "invalid download token");
        }

        var grant = new DownloadGrant(fields[0], fields[1], fields[2], fields[3], DateTimeOffset.FromUnixTimeSeconds(expires));
        // As S3 answers a pre-signed URL past its expiry: refused, whatever the object.
        return now >= grant.Expires ? (null, "download URL expired") : (grant, null);
    }

    private static byte[] KeyOf(string? configured)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return RandomNumberGenerator.GetBytes(MinimumKeyBytes);
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new OptionsValidationException(DownloadOptions.Section, typeof(DownloadOptions),
                [$"{DownloadOptions.Section}:SigningKey is not base64"]);
        }

        return key.Length >= MinimumKeyBytes ? key : throw new OptionsValidationException(DownloadOptions.Section,
            typeof(DownloadOptions), [$"{DownloadOptions.Section}:SigningKey must be at least {MinimumKeyBytes} bytes"]);
    }
}
