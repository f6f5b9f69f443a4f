using System.ComponentModel.DataAnnotations;

namespace Velero.Scheduler.GarbageCollection;

/// <summary>Section <c>Scheduler:GarbageCollection</c>.</summary>
internal sealed class GarbageCollectionOptions
{
    public const string Section = "Scheduler:GarbageCollection";

    /// <summary>How often expired backups are looked for (upstream's <c>--garbage-collection-frequency</c>, default 1h).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Frequency { get; set; } = TimeSpan.FromHours(1);
}
