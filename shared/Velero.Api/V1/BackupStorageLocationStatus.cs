using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class BackupStorageLocationStatus
{
    [CrdEnum(typeof(BackupStorageLocationPhase))]
    public string? Phase { get; set; }

    [CrdNullable]
    public DateTime? LastSyncedTime { get; set; }

    /// <summary>Deprecated: no longer updated.</summary>
    public string? LastSyncedRevision { get; set; }

    [CrdNullable]
    public DateTime? LastValidationTime { get; set; }

    public string? Message { get; set; }

    /// <summary>Deprecated: see <see cref="BackupStorageLocationSpec.AccessMode"/>.</summary>
    [CrdEnum(typeof(BackupStorageLocationAccessMode))]
    public string? AccessMode { get; set; }
}
