using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Velero.Scheduler.Downloads;

/// <summary>Where clients reach <c>/downloads/</c>: the configured public base, else the first address the host listens on.</summary>
internal static class DownloadBaseUrl
{
    public static Uri Resolve(DownloadOptions options, IServer server)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return new Uri(options.PublicBaseUrl);
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"the host listens on no address yet; set {DownloadOptions.Section}:PublicBaseUrl");
        // Kestrel accepts wildcards (http://+:8085, http://0.0.0.0:8085); a client cannot dial those.
        var url = new UriBuilder(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal)
            .Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            url.Host = IPAddress.Loopback.ToString();
        }

        return url.Uri;
    }
}
