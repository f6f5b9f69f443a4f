namespace Velero.ObjectStorage.Azure;

/// <summary>The <c>velero.io/azure</c> provider (velero-plugin-for-microsoft-azure's object store).</summary>
public sealed class AzureBlobObjectStoreProvider : IObjectStoreProvider
{
    private readonly TimeProvider _time;
    private readonly int? _listPageSize;

    public AzureBlobObjectStoreProvider()
        : this(TimeProvider.System)
    {
    }

    public AzureBlobObjectStoreProvider(TimeProvider time)
        : this(time, null)
    {
    }

    internal AzureBlobObjectStoreProvider(TimeProvider time, int? listPageSize)
    {
        _time = time;
        _listPageSize = listPageSize;
    }

    public string Name => ProviderNames.Azure;

    public IReadOnlyList<string> ConfigKeys => AzureConfigKeys.All;

    public IObjectStore Create(string bucket, BackupStorageLocationConfig location) =>
        new AzureBlobObjectStore(AzureSettingsParser.Parse(bucket, location) with { ListPageSize = _listPageSize }, _time);
}
