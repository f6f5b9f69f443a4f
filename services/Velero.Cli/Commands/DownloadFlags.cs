using k8s;
using Velero.Cli.CommandLine;
using Velero.Cli.Downloads;

namespace Velero.Cli.Commands;

/// <summary>
/// The flags every command that downloads through a DownloadRequest shares (<c>--timeout</c>,
/// <c>--insecure-skip-tls-verify</c>, <c>--cacert</c>), and the streamer they feed, with upstream's wording.
/// </summary>
internal sealed class DownloadFlags
{
    public const string LogsTimeoutUsage = "How long to wait to receive logs.";
    public const string CaCertUsage = "Path to a certificate bundle to use when verifying TLS connections.";
    public const string CaCertWithLocationUsage =
        "Path to a certificate bundle to use when verifying TLS connections. If not specified, the CA certificate from the BackupStorageLocation will be used if available.";

    private readonly Flag<TimeSpan> _timeout;
    private readonly Flag<bool> _insecure;
    private readonly Flag<string> _caCert;

    private DownloadFlags(Flag<TimeSpan> timeout, Flag<bool> insecure, Flag<string> caCert) =>
        (_timeout, _insecure, _caCert) = (timeout, insecure, caCert);

    public static DownloadFlags Bind(Command command, string timeoutUsage, string caCertUsage) => new(
        command.Flags.Duration("timeout", null, TimeSpan.FromMinutes(1), timeoutUsage),
        command.Flags.Bool("insecure-skip-tls-verify", null, false,
            "If true, the object store's TLS certificate will not be checked for validity. This is insecure and susceptible to man-in-the-middle attacks. Not recommended for production."),
        command.Flags.String("cacert", null, "", caCertUsage));

    /// <summary>The settings for a download; <c>--cacert</c> defaults to the client config's <c>cacert</c>, as upstream.</summary>
    public DownloadSettings Settings(CommandContext ctx, string? locationCaCert) => new()
    {
        Timeout = _timeout.Value,
        InsecureSkipTlsVerify = _insecure.Value,
        CaCertFile = _caCert.Changed ? _caCert.Value : ctx.ClientConfig.CaCertFile,
        StorageLocationCaCert = locationCaCert,
    };

    public static DownloadRequestStreamer Streamer(CommandContext ctx) => new(ctx.Kube(), ctx.Time, ctx.Err);

    /// <summary>The location's CA certificate, or none with upstream's warning when it cannot be read.</summary>
    public static async Task<string?> LocationCaCertAsync(CommandContext ctx, Func<IKubernetes, Task<string?>> read)
    {
        try
        {
            return await read(ctx.Kube());
        }
        catch (InvalidOperationException e)
        {
            await ctx.Err.WriteLineAsync($"WARNING: Error getting cacert from BSL: {e.Message}");
            return null;
        }
    }
}
