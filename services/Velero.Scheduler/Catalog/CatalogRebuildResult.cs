namespace Velero.Scheduler.Catalog;

/// <summary>What one rebuild recorded; <see cref="Problems"/> names what could not be read (nothing was changed there).</summary>
public sealed class CatalogRebuildResult
{
    public int BackupsRecorded { get; set; }
    public int BackupsKnown { get; set; }
    public int RestoresRecorded { get; set; }
    public int StoredBackupsRecorded { get; set; }

    /// <summary>Backups still waiting to start: the scheduler takes them in when it sees them.</summary>
    public int BackupsLeftToScheduler { get; set; }
    public List<string> Problems { get; } = [];
}
