namespace Velero.Cli.Downloads;

/// <summary>A download that did not happen, with upstream's message (printed after <c>An error occurred: </c>).</summary>
public sealed class DownloadFailedException(string message, bool notFound = false, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Upstream's <c>ErrNotFound</c>.</summary>
    public const string NotFoundMessage = "file not found";

    /// <summary>Upstream's <c>ErrDownloadRequestDownloadURLTimeout</c>.</summary>
    public const string UrlTimeoutMessage =
        "download request download url timeout, check velero server logs for errors. backup storage location may not be available";

    /// <summary>The server answered 404: the file does not exist (an older backup may lack it; describe tolerates that).</summary>
    public bool NotFound { get; } = notFound;
}
