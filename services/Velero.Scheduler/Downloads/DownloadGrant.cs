namespace Velero.Scheduler.Downloads;

/// <summary>
/// What a <c>/downloads/</c> token lets its bearer read until <see cref="Expires"/>: one key of one
/// BackupStorageLocation of one cluster served.
/// </summary>
internal sealed record DownloadGrant(string ClusterId, string Namespace, string Location, string Key, DateTimeOffset Expires);
