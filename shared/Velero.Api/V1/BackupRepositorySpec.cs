using Velero.Api.Crds;

namespace Velero.Api.V1;

/// <summary>A Kopia or restic repository for one namespace's volume data in one location (spec 3.8).</summary>
public sealed class BackupRepositorySpec
{
    [CrdRequired]
    public string? VolumeNamespace { get; set; }

    [CrdRequired]
    public string? BackupStorageLocation { get; set; }

    [CrdEnum(typeof(BackupRepositoryType))]
    public string? RepositoryType { get; set; }

    /// <summary>Deprecated.</summary>
    public string? ResticIdentifier { get; set; }

    /// <summary>Go duration.</summary>
    [CrdRequired]
    public string? MaintenanceFrequency { get; set; }

    [CrdNullable]
    public IDictionary<string, string>? RepositoryConfig { get; set; }
}
