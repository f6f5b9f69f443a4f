using System.Text;

namespace Velero.ObjectStorage.Azure;

/// <summary>
/// The Azure credentials file upstream reads with godotenv (from the BSL's credential Secret key or the file
/// <c>AZURE_CREDENTIALS_FILE</c> names): <c>KEY=value</c> lines, optional <c>export </c>, <c>#</c> comments,
/// single- or double-quoted values. Error messages name line numbers and keys, never values.
/// </summary>
internal static class AzureCredentialsFile
{
    public const string SubscriptionId = "AZURE_SUBSCRIPTION_ID";
    public const string ResourceGroup = "AZURE_RESOURCE_GROUP";
    public const string CloudName = "AZURE_CLOUD_NAME";
    public const string TenantId = "AZURE_TENANT_ID";
    public const string ClientId = "AZURE_CLIENT_ID";
    public const string ClientSecret = "AZURE_CLIENT_SECRET";
    public const string ClientCertificate = "AZURE_CLIENT_CERTIFICATE";
    public const string ClientCertificatePath = "AZURE_CLIENT_CERTIFICATE_PATH";
    public const string ClientCertificatePassword = "AZURE_CLIENT_CERTIFICATE_PASSWORD";
    public const string AdditionallyAllowedTenants = "AZURE_ADDITIONALLY_ALLOWED_TENANTS";

    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> content)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = Encoding.UTF8.GetString(content).TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var separator = line.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                // Never echo the line: it may be a secret on a line of its own.
                throw Invalid($"line {i + 1} is not KEY=value");
            }

            var key = line[..separator].Trim();
            values[key] = Value(line[(separator + 1)..].Trim(), key);
        }

        return values;
    }

    private static string Value(string raw, string key)
    {
        if (raw.Length > 0 && raw[0] is '"' or '\'')
        {
            var quote = raw[0];
            var end = raw.IndexOf(quote, 1);
            if (end < 0)
            {
                throw Invalid($"the value of {key} has no closing quote");
            }

            var inner = raw[1..end];
            return quote == '"' ? inner.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal) : inner;
        }

        // An unquoted value ends at " #", a trailing comment as godotenv reads it.
        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).Trim();
    }

    private static ObjectStorageException Invalid(string message) =>
        new(ObjectStorageErrorKind.InvalidConfiguration, "invalid Azure credentials file: " + message);
}
