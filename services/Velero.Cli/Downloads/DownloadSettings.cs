namespace Velero.Cli.Downloads;

/// <summary>How <see cref="DownloadRequestStreamer"/> fetches: upstream's <c>--timeout</c>, <c>--insecure-skip-tls-verify</c>, <c>--cacert</c>.</summary>
public sealed record DownloadSettings
{
    /// <summary>For the whole operation, waiting for the URL and reading the body alike, as upstream (default one minute).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>A PEM bundle trusted beside the system roots (<c>--cacert</c>, or the client config's <c>cacert</c>).</summary>
    public string? CaCertFile { get; init; }

    /// <summary>The location's CA certificate (PEM), see <see cref="StorageLocationCaCert"/>; trusted too, and the fallback when <see cref="CaCertFile"/> cannot be read.</summary>
    public string? StorageLocationCaCert { get; init; }
}
