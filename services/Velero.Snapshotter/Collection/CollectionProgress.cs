namespace Velero.Snapshotter.Collection;

/// <summary>A backup's item counts while it runs, as <c>status.progress</c> reports them.</summary>
public sealed record CollectionProgress(int TotalItems, int ItemsBackedUp);
