using Velero.Kubernetes.Locations;
using System.ComponentModel.DataAnnotations;

namespace Velero.Scheduler.Locations;

/// <summary>Section <c>Scheduler:StorageLocations</c>.</summary>
internal sealed class StorageLocationOptions
{
    public const string Section = "Scheduler:StorageLocations";

    /// <summary>How often each location is validated unless its <c>spec.validationFrequency</c> says otherwise
    /// (upstream's <c>--store-validation-frequency</c>, one minute).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ValidationFrequency { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The Secret and key holding the credentials of locations that name none (what <c>velero install --secret-file</c> creates).</summary>
    public string DefaultCredentialsSecret { get; set; } = LocationConfigReader.DefaultCredentialsSecret;

    public string DefaultCredentialsKey { get; set; } = LocationConfigReader.DefaultCredentialsKey;
}
