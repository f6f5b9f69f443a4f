namespace Velero.ObjectStorage.Locations;

/// <summary><c>BackupStorageLocation.status.phase</c>.</summary>
public enum StorageLocationPhase
{
    Available,
    Unavailable,
}
