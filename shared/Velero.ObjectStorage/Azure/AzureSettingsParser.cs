using System.Globalization;

namespace Velero.ObjectStorage.Azure;

/// <summary>
/// Turns a validated azure BSL config into <see cref="AzureSettings"/> with velero-plugin-for-microsoft-azure's
/// rules and messages: <c>storageAccount</c> required; the account key from the credentials variable
/// <c>storageAccountKeyEnvVar</c> names, else Entra ID when <c>useAAD</c> is true.
/// </summary>
internal static class AzureSettingsParser
{
    public const int DefaultBlockSize = 1024 * 1024;

    /// <summary>Put Block's limit, which upstream clamps to.</summary>
    public const int MaxBlockSize = 100 * 1024 * 1024;

    public static AzureSettings Parse(string container, BackupStorageLocationConfig location, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var config = location.Config;
        var account = ConfigKeys.Get(config, AzureConfigKeys.StorageAccount);
        if (string.IsNullOrEmpty(account))
        {
            throw Invalid($"{AzureConfigKeys.StorageAccount} is required in BSL");
        }

        var credentials = ReadCredentials(location, environment);
        var cloud = AzureCloud.FromName(credentials.GetValueOrDefault(AzureCredentialsFile.CloudName));
        var authority = ConfigKeys.OptionalUrl(config, AzureConfigKeys.ActiveDirectoryAuthorityUri) ?? cloud.AuthorityHost;

        string? accountKey = null;
        global::Azure.Core.TokenCredential? token = null;
        var keyVariable = ConfigKeys.Get(config, AzureConfigKeys.StorageAccountKeyEnvVar);
        if (!string.IsNullOrEmpty(keyVariable))
        {
            accountKey = credentials.GetValueOrDefault(keyVariable);
            if (string.IsNullOrEmpty(accountKey))
            {
                throw Invalid($"no storage account access key with key {keyVariable} found in credential");
            }
        }
        else if (UseAad(config))
        {
            token = AzureTokenCredentials.Create(credentials, authority, environment);
        }
        else
        {
            // Upstream then asks Azure Resource Manager for the account's keys (ListKeys); we do not call ARM.
            throw Invalid(
                $"set {AzureConfigKeys.StorageAccountKeyEnvVar} (the credentials file variable holding the storage account access key) or {AzureConfigKeys.UseAad}=\"true\": fetching the account key through Azure Resource Manager is not supported");
        }

        return new AzureSettings
        {
            Container = container,
            StorageAccount = account,
            ServiceUri = ConfigKeys.OptionalUrl(config, AzureConfigKeys.StorageAccountUri) ?? new Uri($"https://{account}.{cloud.BlobSuffix}"),
            BlockSize = BlockSize(config),
            AccountKey = accountKey,
            TokenCredential = token,
            CaCertPem = NullIfEmpty(location.CaCert) ?? NullIfEmpty(ConfigKeys.Get(config, "caCert")),
        };
    }

    /// <summary>
    /// Upstream's <c>getBlockSize</c>: unset, unparsable or below 1 gives the 1 MiB default, above 100 MiB is
    /// clamped (upstream only logs a warning there, so a BSL it accepts must not fail here).
    /// </summary>
    internal static int BlockSize(IReadOnlyDictionary<string, string> config)
    {
        var value = ConfigKeys.Get(config, AzureConfigKeys.BlockSizeInBytes);
        if (value is null || !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size) || size <= 0)
        {
            return DefaultBlockSize;
        }

        return (int)Math.Min(size, MaxBlockSize);
    }

    private static bool UseAad(IReadOnlyDictionary<string, string> config)
    {
        var value = ConfigKeys.Get(config, AzureConfigKeys.UseAad);
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        return value switch
        {
            "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
            "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
            _ => throw Invalid($"failed to parse bool from useAAD string: {value}"),
        };
    }

    private static IReadOnlyDictionary<string, string> ReadCredentials(BackupStorageLocationConfig location, Func<string, string?> environment)
    {
        if (location.Credentials is { } content)
        {
            return AzureCredentialsFile.Parse(content.Span);
        }

        // Upstream: the BSL's credentialsFile (a path the server injects), else the server-wide AZURE_CREDENTIALS_FILE.
        var path = NullIfEmpty(ConfigKeys.Get(location.Config, AzureConfigKeys.CredentialsFile)) ?? NullIfEmpty(environment("AZURE_CREDENTIALS_FILE"));
        if (path is null)
        {
            return new Dictionary<string, string>();
        }

        try
        {
            return AzureCredentialsFile.Parse(File.ReadAllBytes(path));
        }
        catch (IOException e)
        {
            throw Invalid($"failed to read credentials from file {path}: {e.GetType().Name}");
        }
        catch (UnauthorizedAccessException)
        {
            throw Invalid($"failed to read credentials from file {path}: permission denied");
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ObjectStorageException Invalid(string message) => new(ObjectStorageErrorKind.InvalidConfiguration, message);
}
