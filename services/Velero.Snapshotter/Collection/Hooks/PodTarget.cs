using System.Text.Json.Nodes;

namespace Velero.Snapshotter.Collection.Hooks;

/// <summary>What the hook runner needs of a pod as the collector read it: where it is, its containers, its phase.</summary>
internal sealed record PodTarget(string Namespace, string Name, IReadOnlyList<string> Containers, string? Phase)
{
    public static PodTarget Read(JsonObject pod)
    {
        var metadata = pod["metadata"] as JsonObject;
        var containers = (pod["spec"]?["containers"] as JsonArray ?? [])
            .Select(c => c?["name"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
        return new PodTarget(
            Text(metadata?["namespace"]) ?? "",
            Text(metadata?["name"]) ?? throw new ArgumentException("the pod has no metadata.name", nameof(pod)),
            containers,
            Text(pod["status"]?["phase"]));
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
