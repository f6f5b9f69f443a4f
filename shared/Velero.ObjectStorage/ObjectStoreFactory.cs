using Velero.ObjectStorage.Aws;
using Velero.ObjectStorage.Azure;
using Velero.ObjectStorage.FileSystem;
using Velero.ObjectStorage.Gcp;

using Velero.ObjectStorage.Locations;

namespace Velero.ObjectStorage;

/// <summary>
/// Builds object stores from BackupStorageLocation settings as upstream's <c>NewObjectBackupStore</c> plus the
/// plugin's <c>Init</c> do: provider name normalised, bucket and prefix trimmed and checked, config keys
/// validated per provider, then the provider's own parsing.
/// </summary>
public sealed class ObjectStoreFactory
{
    private readonly Dictionary<string, IObjectStoreProvider> _providers;

    public ObjectStoreFactory(IEnumerable<IObjectStoreProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// The built-in providers: <c>velero.io/aws</c>, <c>velero.io/gcp</c>, <c>velero.io/azure</c> and
    /// <c>velero.io/fs</c>, compiled in where upstream loads plugins.
    /// </summary>
    public ObjectStoreFactory(TimeProvider? time = null, S3TransferOptions? transfer = null)
        : this([
            new S3ObjectStoreProvider(time ?? TimeProvider.System, transfer ?? S3TransferOptions.Default),
            
            new GcsObjectStoreProvider(time ?? TimeProvider.System),
            new AzureBlobObjectStoreProvider(time ?? TimeProvider.System),
            new FileSystemObjectStoreProvider(),
        ])
    {
    }

    public IReadOnlyCollection<string> Providers => _providers.Keys;

    /// <summary>The location (prefix root applied) for a BSL; dispose it to release the store's connections.</summary>
    public ObjectStoreLocation Create(BackupStorageLocationConfig location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new ObjectStoreLocation(CreateStore(location), location.Prefix, location.Name);
    }

    /// <summary>The bare store of a BSL's bucket, keys not prefixed.</summary>
    public IObjectStore CreateStore(BackupStorageLocationConfig location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (string.IsNullOrWhiteSpace(location.Provider))
        {
            throw Invalid("object storage provider name must not be empty");
        }

        var name = ProviderNames.Normalize(location.Provider);
        if (!_providers.TryGetValue(name, out var provider))
        {
            throw Invalid(
                $"object storage provider \"{location.Provider}\" is not supported; supported providers are {ConfigKeys.GoList(_providers.Keys.Order(StringComparer.Ordinal))}");
        }

        var bucket = LocationRules.Trim(location.Bucket);
        LocationRules.ValidateBucket(bucket, location.Bucket);
        ConfigKeys.Validate(location.Config, provider.ConfigKeys);
        return provider.Create(bucket, location);
    }

    private static ObjectStorageException Invalid(string message) => new(ObjectStorageErrorKind.InvalidConfiguration, message);
}
