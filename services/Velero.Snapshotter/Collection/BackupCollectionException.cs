namespace Velero.Snapshotter.Collection;

/// <summary>
/// Thrown when a backup cannot finish. The message is the backup's <c>failureReason</c> (sanitized, no credentials); by
/// the time it is thrown nothing of the backup is left under <c>backups/&lt;name&gt;/</c>, except when the backup already
/// existed there.
/// </summary>
public sealed class BackupCollectionException : Exception
{
    public BackupCollectionException()
    {
    }

    public BackupCollectionException(string message)
        : base(message)
    {
    }

    public BackupCollectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
