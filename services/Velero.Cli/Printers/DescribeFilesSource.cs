using Velero.Cli.CommandLine;

namespace Velero.Cli.Printers;

/// <summary>
/// Where describe reads a backup's or restore's files from. The DownloadRequest client (Velero.Cli.Downloads) plugs in
/// here; until it does, every file reports that downloads are unavailable, which describe prints as upstream prints a
/// failed download.
/// </summary>
internal static class DescribeFilesSource
{
    public const string Unavailable = "downloads through DownloadRequests are not available in this build";

    public static IDescribeFiles For(CommandContext ctx, bool insecureSkipTlsVerify, string caCertFile)
    {
        _ = (ctx, insecureSkipTlsVerify, caCertFile);
        return new UnavailableFiles();
    }

    private sealed class UnavailableFiles : IDescribeFiles
    {
        public Task<DescribeFile> ReadAsync(string name, string kind, CancellationToken cancellationToken) =>
            Task.FromResult(DescribeFile.Failed(Unavailable));
    }
}
