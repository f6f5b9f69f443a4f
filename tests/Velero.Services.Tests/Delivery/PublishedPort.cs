using System.Globalization;

namespace Velero.Services.Tests.Delivery;

/// <summary>One <c>ports:</c> entry of a Compose service: the host address and port, and the container port.</summary>
internal sealed record PublishedPort(string? HostIp, int? Published, int Target)
{
    public static PublishedPort Parse(object? entry, string service)
    {
        if (entry is IDictionary<object, object?>)
        {
            var map = Yaml.Map(entry, $"{service}: ports");
            return new PublishedPort(map.GetValueOrDefault("host_ip") as string,
                map.GetValueOrDefault("published") is { } published ? Number(published) : null,
                Number(map.GetValueOrDefault("target")));
        }

        // HOST_IP:PUBLISHED:TARGET, PUBLISHED:TARGET or TARGET, each optionally with /protocol.
        var parts = Yaml.Text(entry, $"{service}: ports").Split('/')[0].Split(':');
        return parts.Length switch
        {
            3 => new PublishedPort(parts[0], Number(parts[1]), Number(parts[2])),
            2 => new PublishedPort(null, Number(parts[0]), Number(parts[1])),
            _ => new PublishedPort(null, null, Number(parts[0])),
        };
    }

    private static int Number(object? value) => int.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
}
