namespace Velero.Scheduler.Catalog;

/// <summary>Where a catalog record came from (column <c>origin</c>, migration 0008).</summary>
public static class CatalogOrigin
{
    /// <summary>Run by this platform's scheduler.</summary>
    public const string Scheduler = "scheduler";

    /// <summary>Created in a cluster by backup sync, from a storage location.</summary>
    public const string Sync = "sync";

    /// <summary>Found as a resource the catalog did not know.</summary>
    public const string Cluster = "cluster";

    /// <summary>Found only in a storage location, when the catalog was rebuilt.</summary>
    public const string Storage = "storage";
}
