using System.Text;
using Azure.Storage;
using Azure.Storage.Blobs;
using Velero.ObjectStorage;

namespace Velero.Integration.Tests.Providers;

/// <summary>
/// The Azurite blob emulator <c>scripts/infra/up.sh --profile test</c> starts, as its env file describes it: a
/// path-style endpoint (<c>http://127.0.0.1:PORT/devstoreaccount1</c>) and the emulator's development account.
/// </summary>
internal static class Azurite
{
    private const string Hint = "run `make test`, or `scripts/infra/up.sh --state .local/test --profile test` and `source .local/test/env` first";

    /// <summary>The credentials variable our BSLs name in <c>storageAccountKeyEnvVar</c>, as upstream's docs do.</summary>
    public const string KeyVariable = "AZURE_STORAGE_ACCOUNT_ACCESS_KEY";

    public static string Url => Require("VELERO_AZURITE_URL");

    public static string Account => Require("VELERO_AZURITE_ACCOUNT");

    public static string Key => Require("VELERO_AZURITE_KEY");

    public static BlobServiceClient Client() => new(new Uri(Url), new StorageSharedKeyCredential(Account, Key));

    public static async Task<string> CreateContainerAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 13)];
        await Client().GetBlobContainerClient(name).CreateAsync();
        return name;
    }

    /// <summary>The credentials file <c>velero install --secret-file</c> takes for azure, key auth only.</summary>
    public static string CredentialsFile(string? key = null) =>
        $"AZURE_CLOUD_NAME=AzurePublicCloud\n{KeyVariable}={key ?? Key}\n";

    /// <summary>The config <c>velero backup-location create --provider azure --config ...</c> gives for Azurite.</summary>
    public static Dictionary<string, string> Config() => new()
    {
        ["resourceGroup"] = "velero-test",
        ["storageAccount"] = Account,
        ["storageAccountURI"] = Url,
        ["storageAccountKeyEnvVar"] = KeyVariable,
    };

    public static BackupStorageLocationConfig Location(string container, string? prefix = null, string? key = null) => new()
    {
        Name = "azurite",
        Provider = "azure",
        Bucket = container,
        Prefix = prefix,
        Config = Config(),
        Credentials = Encoding.UTF8.GetBytes(CredentialsFile(key)),
    };

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set: {Hint}");
}
