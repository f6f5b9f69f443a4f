using Velero.Api;

namespace Velero.Selection.Validation;

/// <summary>The Velero server flags that fill a backup's defaults (spec 4.1), with upstream's default values.</summary>
public sealed record BackupServerDefaults
{
    /// <summary><c>--default-backup-ttl</c>.</summary>
    public TimeSpan BackupTtl { get; init; } = TimeSpan.FromHours(720);

    /// <summary><c>--default-backup-storage-location</c>, used when no location is marked default.</summary>
    public string BackupStorageLocation { get; init; } = "default";

    /// <summary><c>--default-volume-snapshot-locations provider:name,...</c>.</summary>
    public IReadOnlyDictionary<string, string> VolumeSnapshotLocations { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--default-volumes-to-fs-backup</c>.</summary>
    public bool VolumesToFsBackup { get; init; }

    /// <summary><c>--snapshot-move-data</c>.</summary>
    public bool SnapshotMoveData { get; init; }

    public TimeSpan CsiSnapshotTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan ItemOperationTimeout { get; init; } = TimeSpan.FromHours(4);

    /// <summary><c>--resource-timeout</c>, recorded in the <c>velero.io/resource-timeout</c> annotation.</summary>
    public TimeSpan ResourceTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public string VolumeGroupSnapshotLabelKey { get; init; } = WellKnown.DefaultVolumeGroupSnapshotLabelKey;
}
