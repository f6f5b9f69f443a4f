namespace Velero.ObjectStorage;

/// <summary>The object a caller asked for does not exist (readers treat missing optional files as empty, spec 1.2).</summary>
public sealed class ObjectNotFoundException(string bucket, string key)
    : ObjectStorageException(ObjectStorageErrorKind.NotFound, $"object \"{key}\" not found in bucket \"{bucket}\"")
{
    public string Bucket { get; } = bucket;

    public string Key { get; } = key;
}
