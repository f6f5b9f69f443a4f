using System.ComponentModel.DataAnnotations;

namespace Velero.Restorer.Engine;

/// <summary>Settings of the restore engine (<c>Restorer:Engine</c>).</summary>
public sealed class RestoreEngineOptions
{
    public const string Section = "Restorer:Engine";

    /// <summary>Items of one resource type restored at once (across all its namespaces).</summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 16;

    /// <summary>
    /// Upstream's <c>--restore-resource-priorities</c>: the high-priority list, <c>-</c>, the low-priority list. Empty is
    /// upstream's default order (spec 5.2).
    /// </summary>
    public string? ResourcePriorities { get; set; }

    /// <summary>Where the backup's items wait, on disk, between reading the tarball and restoring them. Empty is the temp directory.</summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>How long a restored CRD may take to become Established before its custom resources are tried anyway.</summary>
    public TimeSpan CrdEstablishTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Upstream's <c>--terminating-resource-timeout</c>: how long to wait for a terminating namespace to go.</summary>
    public TimeSpan TerminatingNamespaceTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often progress is reported while items are restored.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
}
