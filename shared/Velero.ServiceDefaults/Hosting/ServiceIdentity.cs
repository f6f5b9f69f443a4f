using System.Reflection;

namespace Velero.ServiceDefaults.Hosting;

/// <summary>Who this process is, as telemetry and the server-status flow report it.</summary>
public sealed record ServiceIdentity(string ServiceName, string Version, string Instance)
{
    public static ServiceIdentity For(string serviceName) =>
        new(serviceName, ProductVersion, $"{Environment.MachineName}/{Environment.ProcessId}");

    /// <summary>The product version: the informational version without the source-revision suffix.</summary>
    public static string ProductVersion { get; } = ReadProductVersion();

    private static string ReadProductVersion()
    {
        var informational = typeof(ServiceIdentity).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return "v" + (plus < 0 ? informational : informational[..plus]);
    }
}
