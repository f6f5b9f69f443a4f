using System.Text.Json.Serialization;
using Velero.Api.Crds;

namespace Velero.Api.V2Alpha1;

/// <summary>Moves one CSI snapshot's data into the backup repository (spec 3.12).</summary>
public sealed class DataUploadSpec
{
    /// <summary>One of <see cref="V2Alpha1.SnapshotType"/>.</summary>
    [CrdRequired]
    public string? SnapshotType { get; set; }

    [CrdNullable]
    public CsiSnapshotSpec? CsiSnapshot { get; set; }

    [CrdRequired]
    public string? SourcePVC { get; set; }

    [JsonPropertyName("datamover")]
    public string? DataMover { get; set; }

    [CrdRequired]
    public string? BackupStorageLocation { get; set; }

    [CrdRequired]
    public string? SourceNamespace { get; set; }

    [CrdNullable]
    public IDictionary<string, string>? DataMoverConfig { get; set; }

    public bool? Cancel { get; set; }

    /// <summary>Go duration.</summary>
    [CrdRequired]
    public string? OperationTimeout { get; set; }
}
