using System.ComponentModel.DataAnnotations;

namespace Velero.Snapshotter.Collection;

/// <summary>How the snapshotter collects backups (<c>Snapshotter:Collection</c>).</summary>
public sealed class CollectorOptions
{
    public const string Section = "Snapshotter:Collection";

    /// <summary>Item blocks backed up in parallel (upstream's <c>--item-block-worker-count</c>, which defaults to 1).</summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 16;

    /// <summary>Items per LIST request (upstream's <c>--client-page-size</c>).</summary>
    [Range(1, 100_000)]
    public int PageSize { get; set; } = 500;

    /// <summary>At most one progress report per interval while items move (upstream patches status once a second).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
}
