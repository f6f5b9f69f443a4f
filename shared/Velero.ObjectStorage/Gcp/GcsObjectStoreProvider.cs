namespace Velero.ObjectStorage.Gcp;

/// <summary>The <c>velero.io/gcp</c> provider (velero-plugin-for-gcp's object store).</summary>
public sealed class GcsObjectStoreProvider : IObjectStoreProvider
{
    private readonly GcsEnvironment _environment;

    public GcsObjectStoreProvider()
        : this(TimeProvider.System)
    {
    }

    public GcsObjectStoreProvider(TimeProvider time)
        : this(GcsEnvironment.System(time))
    {
    }

    internal GcsObjectStoreProvider(GcsEnvironment environment) => _environment = environment;

    public string Name => ProviderNames.Gcp;

    public IReadOnlyList<string> ConfigKeys => GcsConfigKeys.All;

    public IObjectStore Create(string bucket, BackupStorageLocationConfig location) => new GcsObjectStore(bucket, location, _environment);
}
