using System.ComponentModel.DataAnnotations;

namespace Velero.ServiceDefaults.Startup;

/// <summary>Bounds on start-up. Section <c>Startup</c>.</summary>
public sealed class StartupOptions
{
    public const string Section = "Startup";

    /// <summary>How long a service waits for its dependencies before it gives up and exits non-zero.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DependencyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
