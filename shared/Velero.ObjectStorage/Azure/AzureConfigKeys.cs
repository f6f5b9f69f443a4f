namespace Velero.ObjectStorage.Azure;

/// <summary>
/// velero-plugin-for-microsoft-azure's BSL config keys, in the order its <c>Init</c> validates them (the order
/// its "valid keys are" message lists).
/// </summary>
internal static class AzureConfigKeys
{
    public const string ResourceGroup = "resourceGroup";
    public const string StorageAccount = "storageAccount";
    public const string SubscriptionId = "subscriptionId";
    public const string BlockSizeInBytes = "blockSizeInBytes";
    public const string ActiveDirectoryAuthorityUri = "activeDirectoryAuthorityURI";
    public const string StorageAccountUri = "storageAccountURI";
    public const string UseAad = "useAAD";
    public const string StorageAccountKeyEnvVar = "storageAccountKeyEnvVar";
    public const string CredentialsFile = "credentialsFile";

    public static readonly IReadOnlyList<string> All =
    [
        ResourceGroup, StorageAccount, SubscriptionId, BlockSizeInBytes, ActiveDirectoryAuthorityUri,
        StorageAccountUri, UseAad, StorageAccountKeyEnvVar, CredentialsFile,
    ];
}
