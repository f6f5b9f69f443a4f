namespace Velero.ObjectStorage.Gcp;

/// <summary>velero-plugin-for-gcp's BSL config keys, in the order its <c>Init</c> validates them.</summary>
internal static class GcsConfigKeys
{
    public const string KmsKeyName = "kmsKeyName";
    public const string ServiceAccount = "serviceAccount";
    public const string CredentialsFile = "credentialsFile";
    public const string StoreEndpoint = "storeEndpoint";
    public const string UniverseDomain = "universeDomain";

    public static readonly IReadOnlyList<string> All = [KmsKeyName, ServiceAccount, CredentialsFile, StoreEndpoint, UniverseDomain];
}
