using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Velero.KubeEmulator.Tests.Support;

/// <summary>A velero.io/v1 Backup for GenericClient, with a schemaless spec.</summary>
public sealed class VeleroBackup : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "velero.io/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Backup";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public JsonObject? Spec { get; set; }
}

public sealed class VeleroBackupList : IKubernetesObject<V1ListMeta>, IItems<VeleroBackup>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "velero.io/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "BackupList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<VeleroBackup> Items { get; set; } = [];
}
