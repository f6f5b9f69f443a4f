using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/service</c>: the cluster IP is allocated anew (a headless service keeps <c>None</c>), and node
/// ports are dropped unless the restore preserves them or the user chose them: a port the
/// <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation gives a node port (named ports by name, unnamed by
/// value) or, without that annotation, one that server-side apply owns (<c>managedFields</c>). An auto-assigned port of
/// the old cluster would likely collide in the new one.
/// </summary>
public sealed class ServiceAction : IRestoreItemAction
{
    private const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    public string Name => "velero.io/service";

    public bool AppliesTo(string groupResource) => groupResource == "services";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        var spec = item["spec"] as JsonObject ?? [];
        if (ItemFields.String(spec, "clusterIP") != "None")
        {
            spec.Remove("clusterIP");
            spec.Remove("clusterIPs");
        }

        if (context.Restore.Spec.PreserveNodePorts == true)
        {
            context.Log.Info("Restoring Services with original NodePort(s)", "services", ItemFields.Namespace(item), ItemFields.Name(item));
        }
        else
        {
            var lastApplied = LastApplied(item);
            DeleteNodePorts(item, spec, lastApplied);
            DeleteHealthCheckNodePort(item, spec, lastApplied);
        }

        return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
    }

    private static JsonNode? LastApplied(JsonObject item)
    {
        var text = ItemFields.String(item, "metadata", "annotations", LastAppliedAnnotation);
        if (text is null)
        {
            return null;
        }

        // Upstream fails the item when the annotation is not JSON.
        return JsonNode.Parse(text) ?? new JsonObject();
    }

    private static void DeleteNodePorts(JsonObject item, JsonObject spec, JsonNode? lastApplied)
    {
        if (ItemFields.String(spec, "type") == "ExternalName" || spec["ports"] is not JsonArray ports)
        {
            return;
        }

        if (lastApplied is not null)
        {
            var explicitNames = new HashSet<string>(StringComparer.Ordinal);
            var explicitUnnamed = new HashSet<long>();
            if (ItemFields.At(lastApplied, "spec", "ports") is JsonArray appliedPorts)
            {
                foreach (var port in appliedPorts.OfType<JsonObject>())
                {
                    var nodePort = Number(port["nodePort"]);
                    if (nodePort > 0)
                    {
                        if (port["name"] is JsonValue name && name.TryGetValue<string>(out var portName))
                        {
                            explicitNames.Add(portName);
                        }
                        else
                        {
                            explicitUnnamed.Add(nodePort);
                        }
                    }
                }
            }

            foreach (var port in ports.OfType<JsonObject>())
            {
                var name = ItemFields.String(port, "name");
                var keep = string.IsNullOrEmpty(name) ? explicitUnnamed.Contains(Number(port["nodePort"])) : explicitNames.Contains(name);
                if (!keep)
                {
                    port.Remove("nodePort");
                }
            }

            return;
        }

        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fields in ManagedFields(item))
        {
            if (ItemFields.At(fields, "f:spec", "f:ports") is JsonObject managedPorts)
            {
                foreach (var (key, value) in managedPorts)
                {
                    if (value is JsonObject port && port.ContainsKey("f:nodePort"))
                    {
                        owned.Add(key);
                    }
                }
            }
        }

        foreach (var port in ports.OfType<JsonObject>())
        {
            var key = $"k:{{\"port\":{Number(port["port"])},\"protocol\":\"{ItemFields.String(port, "protocol")}\"}}";
            if (!owned.Contains(key))
            {
                port.Remove("nodePort");
            }
        }
    }

    private static void DeleteHealthCheckNodePort(JsonObject item, JsonObject spec, JsonNode? lastApplied)
    {
        // Only a LoadBalancer with externalTrafficPolicy Local has a health check node port.
        if (ItemFields.String(spec, "externalTrafficPolicy") != "Local" || ItemFields.String(spec, "type") != "LoadBalancer"
            || Number(spec["healthCheckNodePort"]) == 0)
        {
            return;
        }

        if (lastApplied is not null && Number(ItemFields.At(lastApplied, "spec", "healthCheckNodePort")) != 0)
        {
            return;
        }

        if (ManagedFields(item).Any(fields => ItemFields.At(fields, "f:spec", "f:healthCheckNodePort") is JsonObject))
        {
            return;
        }

        spec.Remove("healthCheckNodePort");
    }

    private static IEnumerable<JsonNode> ManagedFields(JsonObject item) =>
        (ItemFields.At(item, "metadata", "managedFields") as JsonArray ?? [])
            .Select(entry => ItemFields.At(entry, "fieldsV1"))
            .OfType<JsonNode>();

    /// <summary>A port number as upstream reads it: a JSON number, or a string of digits (anything else fails the item).</summary>
    private static long Number(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return 0;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => (long)double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
            JsonValueKind.String => long.Parse(value.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            _ => 0,
        };
    }
}
