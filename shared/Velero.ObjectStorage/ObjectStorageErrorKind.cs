namespace Velero.ObjectStorage;

/// <summary>What went wrong talking to object storage, for callers that react differently (retry, mark unavailable).</summary>
public enum ObjectStorageErrorKind
{
    Other,
    Unreachable,
    AccessDenied,
    NoSuchBucket,
    NotFound,
    InvalidConfiguration,
}
