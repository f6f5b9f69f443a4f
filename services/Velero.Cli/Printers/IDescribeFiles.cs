namespace Velero.Cli.Printers;

/// <summary>
/// The files of a backup or restore that describe reads through DownloadRequests (results, volume infos, resource
/// lists, item operations), decompressed.
/// </summary>
internal interface IDescribeFiles
{
    /// <param name="name">The backup's or restore's name.</param>
    /// <param name="kind">A <c>DownloadTargetKind</c>.</param>
    Task<DescribeFile> ReadAsync(string name, string kind, CancellationToken cancellationToken);
}

/// <summary>A file's text, or why there is none: <see cref="NotFound"/> is upstream's <c>ErrNotFound</c>, else <see cref="Error"/>.</summary>
internal sealed record DescribeFile(string? Text, bool NotFound = false, string? Error = null)
{
    public bool Found => Text is not null;

    public static DescribeFile Missing { get; } = new(null, NotFound: true, Error: "file not found");

    public static DescribeFile Failed(string error) => new(null, Error: error);
}
