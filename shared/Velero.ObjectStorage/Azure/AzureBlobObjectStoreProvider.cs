namespace Velero.ObjectStorage.Azure;

/// <summary>The <c>velero.io/azure</c> provider (velero-plugin-for-microsoft-azure's object store).</summary>
public sealed class AzureBlobObjectStoreProvider(TimeProvider time) : IObjectStoreProvider
{
    public AzureBlobObjectStoreProvider()
        : this(TimeProvider.System)
    {
    }

    public string Name => ProviderNames.Azure;

    public IReadOnlyList<string> ConfigKeys => AzureConfigKeys.All;

    public IObjectStore Create(string bucket, BackupStorageLocationConfig location) =>
        new AzureBlobObjectStore(AzureSettingsParser.Parse(bucket, location), time);
}
