namespace Velero.Restorer.Engine;

/// <summary>A fault that ends the whole restore <c>Failed</c>: the backup is missing, unreadable, corrupt or truncated.</summary>
public sealed class RestoreFailedException : Exception
{
    public RestoreFailedException(string message)
        : base(message)
    {
    }

    public RestoreFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
