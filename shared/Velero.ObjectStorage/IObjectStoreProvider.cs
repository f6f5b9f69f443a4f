namespace Velero.ObjectStorage;

/// <summary>
/// One object store provider (<c>velero.io/aws</c>, <c>velero.io/gcp</c>, <c>velero.io/azure</c>, <c>velero.io/fs</c>): the seam
/// <see cref="ObjectStoreFactory"/> dispatches on, as upstream's plugin manager does on the provider name.
/// </summary>
public interface IObjectStoreProvider
{
    /// <summary>The namespaced provider name.</summary>
    string Name { get; }

    /// <summary>The provider's own config keys, in the order its validation message lists them.</summary>
    IReadOnlyList<string> ConfigKeys { get; }

    /// <summary>
    /// Builds the store for <paramref name="bucket"/> (already trimmed and checked); the config keys have been
    /// validated against <see cref="ConfigKeys"/>. Throws <see cref="ObjectStorageException"/> for bad values.
    /// </summary>
    IObjectStore Create(string bucket, BackupStorageLocationConfig location);
}
