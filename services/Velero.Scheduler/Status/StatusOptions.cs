using System.ComponentModel.DataAnnotations;
using Velero.ServiceDefaults.Hosting;

namespace Velero.Scheduler.Status;

/// <summary>Section <c>Scheduler:ServerStatus</c>.</summary>
internal sealed class StatusOptions
{
    public const string Section = "Scheduler:ServerStatus";

    /// <summary>
    /// How long a status request collects answers before it is processed with whatever arrived. It closes
    /// sooner when every expected role has answered.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CollectionWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Roles whose answers close a request early; those that do not answer are listed as missing.</summary>
    [MinLength(1)]
    public string[] ExpectedRoles { get; set; } = [.. RoleNames.All];

    /// <summary>How long a processed ServerStatusRequest stays before it is deleted (upstream: one minute).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ProcessedRetention { get; set; } = TimeSpan.FromMinutes(1);
}
