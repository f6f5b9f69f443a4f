namespace Velero.Scheduler.Catalog;

/// <summary>One row of the <c>catalog_backups</c> view: a backup of one cluster, whoever ran it.</summary>
public sealed record CatalogBackup
{
    public required string Cluster { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public required string Uid { get; init; }
    public required string Phase { get; init; }

    /// <summary>The tarball's bytes, when known (the backups this platform ran).</summary>
    public long? SizeBytes { get; init; }
    public int? ItemsTotal { get; init; }
    public int? ItemsBackedUp { get; init; }
    public int? Warnings { get; init; }
    public int? Errors { get; init; }
    public string? StorageLocation { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? Expiration { get; init; }
    public required string Origin { get; init; }

    /// <summary>When the Backup resource was deleted from its cluster; the record stays as history.</summary>
    public DateTimeOffset? DeletedAt { get; init; }
}
