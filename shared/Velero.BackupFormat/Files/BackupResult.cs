using System.Text.Json.Serialization;

namespace Velero.BackupFormat.Files;

/// <summary>
/// Warnings or errors of a backup or restore (spec 1.4): <c>velero</c> for the server's own, <c>cluster</c> for
/// cluster-scoped items, and per namespace. Every key is omitted when empty, as upstream.
/// </summary>
public sealed class BackupResult
{
    [JsonPropertyName("velero")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Velero { get; set; }

    [JsonPropertyName("cluster")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Cluster { get; set; }

    [JsonPropertyName("namespaces")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SortedDictionary<string, List<string>>? Namespaces { get; set; }

    [JsonIgnore]
    public int Count => (Velero?.Count ?? 0) + (Cluster?.Count ?? 0) + (Namespaces?.Values.Sum(v => v.Count) ?? 0);

    public void AddVelero(string message) => (Velero ??= []).Add(message);

    public void AddCluster(string message) => (Cluster ??= []).Add(message);

    public void AddNamespace(string @namespace, string message)
    {
        Namespaces ??= new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        if (!Namespaces.TryGetValue(@namespace, out var list))
        {
            Namespaces[@namespace] = list = [];
        }

        list.Add(message);
    }
}
