namespace Velero.ObjectStorage;

/// <summary>
/// A failure of object storage with a message safe to show anywhere (BSL status, logs, events): it may name the
/// bucket and the endpoint host, never credentials, signed URLs or object keys. The provider's own exception is
/// deliberately not kept as the inner exception, because its text can carry request URLs and headers.
/// </summary>
public class ObjectStorageException(ObjectStorageErrorKind kind, string message) : Exception(message)
{
    public ObjectStorageErrorKind Kind { get; } = kind;
}
