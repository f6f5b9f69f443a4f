using System.ComponentModel;
using System.Text.Json.Serialization;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

/// <summary>
/// What a backup contains and how it is taken (spec 3.1). Durations (<see cref="Ttl"/>, <see cref="CsiSnapshotTimeout"/>,
/// <see cref="ItemOperationTimeout"/>) are Go duration strings: read them with <see cref="GoDuration"/>.
/// </summary>
[Description("BackupSpec defines the specification for a Velero backup.")]
public sealed class BackupSpec
{
    /// <summary>Labels for the backups a schedule creates from this template.</summary>
    public BackupMetadata? Metadata { get; set; }

    [CrdNullable]
    public IList<string>? IncludedNamespaces { get; set; }

    /// <summary>Glob patterns since 1.18.</summary>
    [CrdNullable]
    public IList<string>? ExcludedNamespaces { get; set; }

    [CrdNullable]
    public IList<string>? IncludedResources { get; set; }

    [CrdNullable]
    public IList<string>? ExcludedResources { get; set; }

    [CrdNullable]
    public IList<string>? IncludedClusterScopedResources { get; set; }

    [CrdNullable]
    public IList<string>? ExcludedClusterScopedResources { get; set; }

    [CrdNullable]
    public IList<string>? IncludedNamespaceScopedResources { get; set; }

    [CrdNullable]
    public IList<string>? ExcludedNamespaceScopedResources { get; set; }

    [CrdNullable]
    public V1LabelSelector? LabelSelector { get; set; }

    [CrdNullable]
    public IList<V1LabelSelector>? OrLabelSelectors { get; set; }

    /// <summary>Null means true when a volume snapshotter is configured.</summary>
    [CrdNullable]
    public bool? SnapshotVolumes { get; set; }

    [Description("TTL is a time.Duration-parseable string describing how long the Backup should be retained for.")]
    public string? Ttl { get; set; }

    /// <summary>Null means automatic: cluster resources only for full-cluster backups.</summary>
    [CrdNullable]
    public bool? IncludeClusterResources { get; set; }

    public BackupHooks? Hooks { get; set; }

    public string? StorageLocation { get; set; }

    public IList<string>? VolumeSnapshotLocations { get; set; }

    /// <summary>Deprecated: remapped to <see cref="DefaultVolumesToFsBackup"/>.</summary>
    [CrdNullable]
    public bool? DefaultVolumesToRestic { get; set; }

    [CrdNullable]
    public bool? DefaultVolumesToFsBackup { get; set; }

    /// <summary>Group-resource name to <c>ns/name,ns/name</c> (cluster-scoped: <c>name</c>).</summary>
    [CrdNullable]
    public IDictionary<string, string>? OrderedResources { get; set; }

    public string? CsiSnapshotTimeout { get; set; }

    public string? ItemOperationTimeout { get; set; }

    /// <summary>Reference to the ConfigMap holding the resource policies (kind <c>configmap</c>).</summary>
    public V1TypedLocalObjectReference? ResourcePolicy { get; set; }

    [CrdNullable]
    public bool? SnapshotMoveData { get; set; }

    /// <summary>Empty or <c>velero</c> selects the built-in data mover.</summary>
    [JsonPropertyName("datamover")]
    public string? DataMover { get; set; }

    [CrdNullable]
    public UploaderConfigForBackup? UploaderConfig { get; set; }

    public string? VolumeGroupSnapshotLabelKey { get; set; }
}
