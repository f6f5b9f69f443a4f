using System.Text.Json.Nodes;

namespace Velero.Kubernetes.Exec;

/// <summary>
/// What running a command in a pod needs of the pod as last read: where it is, its containers (<c>spec.containers</c>
/// only, as upstream's executor checks), its phase.
/// </summary>
public sealed record PodTarget(string Namespace, string Name, IReadOnlyList<string> Containers, string? Phase)
{
    /// <summary>Whether the pod has ended (<c>Succeeded</c> or <c>Failed</c>): no command can run in it any more.</summary>
    public bool HasCompleted => Phase is "Succeeded" or "Failed";

    public static PodTarget Read(JsonObject pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var metadata = pod["metadata"] as JsonObject;
        var containers = (pod["spec"]?["containers"] as JsonArray ?? [])
            .Select(c => Text(c?["name"]))
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
