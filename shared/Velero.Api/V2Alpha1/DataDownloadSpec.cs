using System.Text.Json.Serialization;
using Velero.Api.Crds;

namespace Velero.Api.V2Alpha1;

/// <summary>Restores one volume's data from the backup repository (spec 3.13).</summary>
public sealed class DataDownloadSpec
{
    [CrdRequired]
    public TargetVolumeSpec? TargetVolume { get; set; }

    [CrdRequired]
    public string? BackupStorageLocation { get; set; }

    [JsonPropertyName("datamover")]
    public string? DataMover { get; set; }

    [CrdRequired]
    public string? SnapshotID { get; set; }

    [CrdRequired]
    public string? SourceNamespace { get; set; }

    public IDictionary<string, string>? DataMoverConfig { get; set; }

    public bool? Cancel { get; set; }

    /// <summary>Go duration.</summary>
    [CrdRequired]
    public string? OperationTimeout { get; set; }

    [CrdEnum(typeof(NodeOS))]
    public string? NodeOS { get; set; }

    public long? SnapshotSize { get; set; }
}
