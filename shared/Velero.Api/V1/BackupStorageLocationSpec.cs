using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

/// <summary>Where backups live (spec 3.4). Sync and validation periods are Go durations; <c>0</c> disables them.</summary>
public sealed class BackupStorageLocationSpec
{
    /// <summary>Object store plugin, e.g. <c>aws</c> (same as <c>velero.io/aws</c>).</summary>
    [CrdRequired]
    public string? Provider { get; set; }

    [CrdRequired]
    public ObjectStorageLocation? ObjectStorage { get; set; }

    /// <summary>Provider-specific settings.</summary>
    public IDictionary<string, string>? Config { get; set; }

    /// <summary>The Secret key holding this location's credentials.</summary>
    public V1SecretKeySelector? Credential { get; set; }

    public bool? Default { get; set; }

    [CrdEnum(typeof(BackupStorageLocationAccessMode))]
    public string? AccessMode { get; set; }

    [CrdNullable]
    public string? BackupSyncPeriod { get; set; }

    [CrdNullable]
    public string? ValidationFrequency { get; set; }
}
