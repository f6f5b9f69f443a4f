namespace Velero.ObjectStorage.Aws;

/// <summary>
/// Carries a failure of the caller's body stream through the upload so <see cref="S3ObjectStore"/> rethrows it
/// as it was: the producer's error (a failed tar writer, a cancelled pipe) is not an object storage failure.
/// </summary>
internal sealed class BodyReadException(Exception inner) : Exception("reading the upload body failed", inner);
