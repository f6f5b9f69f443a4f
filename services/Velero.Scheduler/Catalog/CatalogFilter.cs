namespace Velero.Scheduler.Catalog;

/// <summary>What <c>velero catalog backups</c> narrows the list to; null means any.</summary>
public sealed record CatalogFilter
{
    public string? Cluster { get; init; }
    public string? StorageLocation { get; init; }
    public string? Phase { get; init; }

    /// <summary>Also list backups whose resource was deleted from its cluster.</summary>
    public bool IncludeDeleted { get; init; }
}
