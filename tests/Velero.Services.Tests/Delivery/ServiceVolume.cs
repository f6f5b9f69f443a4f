namespace Velero.Services.Tests.Delivery;

/// <summary>
/// One <c>volumes:</c> entry of a Compose service. A short-syntax source starting with <c>.</c>, <c>/</c> or <c>~</c>
/// is a bind mount, any other a named volume, as Compose decides.
/// </summary>
internal sealed record ServiceVolume(string Type, string? Source, string Target, bool ReadOnly, bool CreateHostPath)
{
    public static ServiceVolume Parse(object? entry, string service)
    {
        if (entry is IDictionary<object, object?>)
        {
            var map = Yaml.Map(entry, $"{service}: volumes");
            var bind = Yaml.MapOrEmpty(map.GetValueOrDefault("bind"), $"{service}: volumes.bind");
            return new ServiceVolume(
                Yaml.Text(map.GetValueOrDefault("type"), $"{service}: volumes.type"),
                map.GetValueOrDefault("source") as string,
                Yaml.Text(map.GetValueOrDefault("target"), $"{service}: volumes.target"),
                map.GetValueOrDefault("read_only") is "true",
                bind.GetValueOrDefault("create_host_path") is not "false");
        }

        var parts = Yaml.Text(entry, $"{service}: volumes").Split(':');
        if (parts.Length == 1)
        {
            return new ServiceVolume("volume", null, parts[0], false, false);
        }

        var isBind = parts[0].StartsWith('.') || parts[0].StartsWith('/') || parts[0].StartsWith('~') || parts[0].StartsWith('$');
        var readOnly = parts.Length > 2 && parts[2].Split(',').Contains("ro", StringComparer.Ordinal);
        return new ServiceVolume(isBind ? "bind" : "volume", parts[0], parts[1], readOnly, isBind);
    }
}
