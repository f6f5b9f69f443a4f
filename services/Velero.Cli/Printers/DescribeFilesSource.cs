using Velero.Cli.CommandLine;
using Velero.Cli.Downloads;

namespace Velero.Cli.Printers;

/// <summary>
/// Describe's files through DownloadRequests (<see cref="DownloadRequestStreamer"/>), with upstream's 30-second timeout
/// per file and the TLS settings of <c>--insecure-skip-tls-verify</c>, <c>--cacert</c> and the storage location's CA.
/// </summary>
internal static class DescribeFilesSource
{
    /// <summary>Upstream's downloadRequestTimeout in the describers.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <param name="locationCaCert">The CA certificate of the location holding the named backup or restore.</param>
    public static IDescribeFiles For(CommandContext ctx, bool insecureSkipTlsVerify, string caCertFile,
        Func<string, CancellationToken, Task<string?>> locationCaCert) =>
        new StreamedFiles(ctx, insecureSkipTlsVerify, caCertFile, locationCaCert);

    private sealed class StreamedFiles(CommandContext ctx, bool insecure, string caCertFile,
        Func<string, CancellationToken, Task<string?>> locationCaCert) : IDescribeFiles
    {
        public async Task<DescribeFile> ReadAsync(string name, string kind, CancellationToken cancellationToken)
        {
            string? locationCa;
            try
            {
                locationCa = await locationCaCert(name, cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException || CliApp.Describe(e) is not null)
            {
                // Upstream notes the failure and downloads without the location's certificate.
                locationCa = null;
            }

            var settings = new DownloadSettings
            {
                Timeout = Timeout,
                InsecureSkipTlsVerify = insecure,
                CaCertFile = caCertFile.Length > 0 ? ctx.ResolvePath(caCertFile) : null,
                StorageLocationCaCert = locationCa,
            };
            try
            {
                await using var body = await new DownloadRequestStreamer(ctx.Kube(), ctx.Time, ctx.Err)
                    .OpenAsync(ctx.Namespace, name, kind, settings, cancellationToken);
                using var reader = new StreamReader(body);
                return new DescribeFile(await reader.ReadToEndAsync(cancellationToken));
            }
            catch (DownloadFailedException e)
            {
                return e.NotFound ? DescribeFile.Missing : DescribeFile.Failed(e.Message);
            }
        }
    }
}
