namespace Velero.Restorer.Engine;

/// <summary>A restore's <c>status.progress</c>: items it will consider, and items restored so far.</summary>
public sealed record RestoreEngineProgress(int TotalItems, int ItemsRestored);
