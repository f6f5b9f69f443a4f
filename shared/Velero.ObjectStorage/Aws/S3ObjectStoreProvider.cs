namespace Velero.ObjectStorage.Aws;

/// <summary>The <c>velero.io/aws</c> provider.</summary>
public sealed class S3ObjectStoreProvider(TimeProvider time, S3TransferOptions transfer) : IObjectStoreProvider
{
    public S3ObjectStoreProvider()
        : this(TimeProvider.System, S3TransferOptions.Default)
    {
    }

    public string Name => ProviderNames.Aws;

    public IReadOnlyList<string> ConfigKeys => S3ConfigKeys.All;

    public IObjectStore Create(string bucket, BackupStorageLocationConfig location) =>
        new S3ObjectStore(S3SettingsParser.Parse(bucket, location), transfer, time);
}
