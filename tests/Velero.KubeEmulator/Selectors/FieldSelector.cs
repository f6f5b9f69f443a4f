using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Resources;
using Velero.KubeEmulator.Storage;

namespace Velero.KubeEmulator.Selectors;

/// <summary>
/// fieldSelector with the fields each built-in type supports (metadata.name and metadata.namespace
/// everywhere, status.phase for pods, ...); anything else is refused as the real server refuses it.
/// </summary>
public sealed class FieldSelector
{
    private static readonly Dictionary<string, string[]> Extra = new(StringComparer.Ordinal)
    {
        ["/pods"] = ["status.phase", "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.podIP", "status.nominatedNodeName"],
        ["/secrets"] = ["type"],
        ["/namespaces"] = ["status.phase"],
        ["/nodes"] = ["spec.unschedulable"],
        ["/events"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["/replicationcontrollers"] = ["status.replicas"],
        ["apps/replicasets"] = ["status.replicas"],
        ["batch/jobs"] = ["status.successful"],
    };

    private readonly List<(string Field, string Value, bool Equal)> _terms = [];

    public bool IsEmpty => _terms.Count == 0;

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        var selector = new FieldSelector();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
            var equal = part.IndexOf('=');
            if (equal < 0)
            {
                throw ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            }

            var field = notEqual > 0 ? part[..notEqual] : part[..equal];
            var value = notEqual > 0 ? part[(notEqual + 2)..] : part[(equal + 1)..].TrimStart('=');
            if (field is not ("metadata.name" or "metadata.namespace") && !(Extra.GetValueOrDefault(type.StorageKey)?.Contains(field) ?? false))
            {
                throw ApiException.BadRequest($"field label not supported: {field}");
            }

            selector._terms.Add((field, value, notEqual < 0));
        }

        return selector;
    }

    public bool Matches(StoredObject stored)
    {
        JsonNode? parsed = null;
        foreach (var (field, value, equal) in _terms)
        {
            string actual;
            switch (field)
            {
                case "metadata.name":
                    actual = stored.Name;
                    break;
                case "metadata.namespace":
                    actual = stored.Namespace;
                    break;
                default:
                    parsed ??= JsonNode.Parse(stored.Json);
                    var node = Json.Meta.At(parsed, field);
                    actual = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";
                    break;
            }

            if ((actual == value) != equal)
            {
                return false;
            }
        }

        return true;
    }
}
