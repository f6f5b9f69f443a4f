using System.Text;

namespace Velero.ObjectStorage.Aws;

/// <summary>
/// Reads the AWS shared-credentials INI a BSL's Secret key holds (spec 9.3): <c>[profile]</c> sections with
/// <c>aws_access_key_id</c>, <c>aws_secret_access_key</c> and optional <c>aws_session_token</c>. Parsed here
/// rather than through the SDK's file-based profile store because the content comes from a Secret, not a path.
/// Error messages name profiles and keys, never values.
/// </summary>
internal static class AwsCredentialsFile
{
    public const string DefaultProfile = "default";

    public static AwsCredentials Parse(ReadOnlySpan<byte> content, string? profile)
    {
        var wanted = string.IsNullOrEmpty(profile) ? DefaultProfile : profile;
        var sections = ParseSections(Encoding.UTF8.GetString(content));
        if (!sections.TryGetValue(wanted, out var values))
        {
            var found = sections.Count == 0 ? "none" : string.Join(", ", sections.Keys.Order(StringComparer.Ordinal));
            throw Invalid($"the credentials file has no profile \"{wanted}\" (profiles found: {found})");
        }

        var accessKey = values.GetValueOrDefault("aws_access_key_id");
        var secretKey = values.GetValueOrDefault("aws_secret_access_key");
        var missing = new[] { ("aws_access_key_id", accessKey), ("aws_secret_access_key", secretKey) }
            .Where(p => string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            throw Invalid($"profile \"{wanted}\" of the credentials file has no {string.Join(" and no ", missing)}");
        }

        var token = values.GetValueOrDefault("aws_session_token");
        return new AwsCredentials(accessKey!, secretKey!, string.IsNullOrEmpty(token) ? null : token);
    }

    private static Dictionary<string, Dictionary<string, string>> ParseSections(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var end = line.IndexOf(']', StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Invalid("the credentials file has a section header without ']'");
                }

                // The shared config file spells named profiles "[profile name]"; accept that form too.
                var name = line[1..end].Trim();
                if (name.StartsWith("profile ", StringComparison.Ordinal))
                {
                    name = name["profile ".Length..].Trim();
                }

                current = sections.TryGetValue(name, out var existing) ? existing : sections[name] = new(StringComparer.Ordinal);
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || current is null)
            {
                // Never echo the line: it may be a secret on a line of its own.
                throw Invalid("the credentials file has a line that is neither a [profile] header nor key=value inside a profile");
            }

            current[line[..equals].Trim().ToLowerInvariant()] = line[(equals + 1)..].Trim();
        }

        return sections;
    }

    private static ObjectStorageException Invalid(string message) =>
        new(ObjectStorageErrorKind.InvalidConfiguration, "invalid AWS credentials: " + message);
}
